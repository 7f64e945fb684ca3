// Each rule on made-up captures from imaginary outlets.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { beforePadding, blockKeys, classifyLines, detectWrapWidth, groupBlocks, mayEndWithCredit } from '../../src/ingest/classify.ts';
import { CAPTION_PHOTO_CREDIT } from '../../src/ingest/patterns.ts';
import { computeLetterKey, plainText } from '../../src/ingest/text.ts';

/** `class rule` of every non-blank line, keyed by its text (trimmed). */
function classify(text: string, knownTitle: string | null = null): Map<string, string> {
  const { lines } = classifyLines(text, { frontMatterLines: 0, knownTitle });
  return new Map(lines.filter((line) => line.class !== 'blank').map((line) => [line.text.trim(), `${line.class} ${line.rule}`]));
}

const LEDE = 'The harbour authority said on Monday that the northern pier will reopen to ferries next spring after repairs.';
const SECOND = 'Engineers found that the storm had loosened more than forty pilings, the authority said in a statement.';

describe('classifyLines', () => {
  it('treats menus and breadcrumbs above the headline as chrome', () => {
    const result = classify(['• Home', '• Sport', 'World > Europe', '', 'Harbour Pier to Reopen Next Spring', '', LEDE, '', SECOND].join('\n'));
    assert.equal(result.get('• Home'), 'chrome chrome/bullet-menu');
    assert.equal(result.get('World > Europe'), 'chrome chrome/breadcrumb');
    assert.equal(result.get('Harbour Pier to Reopen Next Spring'), 'headline headline/first-title-line');
    assert.equal(result.get(LEDE), 'body body/paragraph');
  });
  it('prefers a Markdown H1 for the headline', () => {
    const result = classify(['Coastal Ledger', '', '# Harbour Pier to Reopen', '', LEDE].join('\n'));
    assert.equal(result.get('# Harbour Pier to Reopen'), 'headline headline/markdown-h1');
    assert.equal(result.get('Coastal Ledger'), 'chrome chrome/above-headline');
  });
  it('finds a headline known from front matter or the catalogue', () => {
    const result = classify(['Menu', '', 'Pier reopens', '', LEDE].join('\n'), 'Pier Reopens');
    assert.equal(result.get('Pier reopens'), 'headline headline/known-title');
  });
  it('takes the headline the page title names, printed again further down', () => {
    const teasers = ['Ferry Fares Rise Again', '', 'The ferry company said fares would rise by a tenth next year, the third rise in a row for commuters.', '', 'Storm Closes Beaches', '', 'Officials closed the beaches on Sunday as a storm brought high winds and waves to the coast of the county.', ''];
    const text = ['Harbour Pier to Reopen Next Spring | Coastal Ledger', '', ...teasers, ...teasers, 'Harbour Pier to Reopen Next Spring', '', LEDE, '', SECOND].join('\n');
    assert.equal(classify(text).get('Harbour Pier to Reopen Next Spring'), 'headline headline/page-title-echo');
  });
  it('takes an echo of the page title as the headline even when it ends with a full stop', () => {
    const text = ['Pier reopens. Ferries return. - ledger.example', '', 'You are signed in as', '', '# Pier reopens. Ferries return.', '', LEDE, '', SECOND].join('\n');
    assert.equal(classify(text).get('# Pier reopens. Ferries return.'), 'headline headline/page-title-echo');
  });
  it('takes the headline the comments feed names', () => {
    const text = ['#[1]Coastal Ledger » Feed [2]Coastal Ledger » Harbour Pier to Reopen Next Spring Comments Feed', '', 'Storm Closes Beaches', '', 'Officials closed the beaches on Sunday as a storm brought high winds and waves to the coast.', '', 'Harbour Pier to Reopen Next Spring', '', LEDE, '', SECOND].join('\n');
    assert.equal(classify(text).get('Harbour Pier to Reopen Next Spring'), 'headline headline/page-title-echo');
  });
  it("prefers a headline whose words make a URL's slug, and not a section heading", () => {
    const text = ['Port Elm Pier Works', '', 'Boys State Swim Results', '', '#### What the engineers found', '', LEDE, '', SECOND, '', '[Share](https://ledger.example/sport/Friday-State-Swim-Results-4743.html)'].join('\n');
    const result = classify(text);
    assert.equal(result.get('Boys State Swim Results'), 'headline headline/first-title-line');
    assert.equal(result.get('#### What the engineers found')?.startsWith('headline'), false);
  });
  it('recognises bylines, a lone "By", date lines and photo credits', () => {
    const result = classify(
      ['Pier to Reopen', '', 'By', '', 'Coastal Ledger | 3 Jun, 2021', '', 'By Ana Ruiz and Li Wei', '', 'Updated: June 4, 2021 10:15 am', '', '**Mara Lind / Northwind Photo**', '', LEDE].join('\n'),
    );
    assert.equal(result.get('By'), 'byline byline/by-alone');
    assert.equal(result.get('Coastal Ledger | 3 Jun, 2021'), 'byline byline/after-by');
    assert.equal(result.get('By Ana Ruiz and Li Wei'), 'byline byline/by');
    assert.equal(result.get('Updated: June 4, 2021 10:15 am'), 'date date/line');
    assert.equal(result.get('**Mara Lind / Northwind Photo**'), 'credit credit/photo');
  });
  it('tells a summarising dek from a reporting lede', () => {
    const dek = 'A storm-battered landmark gets a second life as the town bets on tourism.';
    const result = classify(['Pier to Reopen', '', dek, '', LEDE, '', SECOND].join('\n'));
    assert.equal(result.get(dek), 'subtitle subtitle/dek');
    assert.equal(result.get(LEDE), 'body body/paragraph');
    const noDek = classify(['Pier to Reopen', '', LEDE, '', SECOND].join('\n'));
    assert.equal(noDek.get(LEDE), 'body body/paragraph');
  });
  it('keeps an image alt text and its caption, printed together, out of the body', () => {
    const result = classify(
      ['Pier to Reopen', '', 'Workers on the pier', 'Workers repair the northern pier in Port Elm in May 2021.', '', `PORT ELM, Maine — ${LEDE}`, '', SECOND].join('\n'),
    );
    assert.equal(result.get('Workers on the pier'), 'caption caption/image-alt');
    assert.equal(result.get('Workers repair the northern pier in Port Elm in May 2021.'), 'caption caption/image');
    assert.equal(result.get(`PORT ELM, Maine — ${LEDE}`), 'body body/paragraph');
  });
  it('recognises captions with a photo credit and their doubles', () => {
    const caption = 'The mayor cuts the ribbon at the northern pier on Saturday.';
    const result = classify(['Pier to Reopen', '', `- ${caption}`, '', `${caption} | Photo: Harbor Wire`, '', LEDE].join('\n'));
    assert.equal(result.get(`${caption} | Photo: Harbor Wire`), 'caption caption/photo-credit');
    assert.equal(result.get(`- ${caption}`), 'caption caption/duplicate');
  });
  it('recognises share bars, related links, headline-like links and production credits in the body', () => {
    const result = classify(
      [
        'Pier to Reopen',
        '',
        LEDE,
        '',
        '**Read more:** [Ferry Company Adds Two Boats for Summer](#)',
        '',
        'Town Council Approves New Budget for Waterfront Repairs',
        '',
        SECOND,
        '',
        'Reporting by Li Wei; editing by Ana Ruiz.',
        '',
        'Share this article',
        '',
        'Most read',
        '',
        'Some other story about gardens',
      ].join('\n'),
    );
    assert.equal(result.get('**Read more:** [Ferry Company Adds Two Boats for Summer](#)'), 'related related/labelled');
    assert.equal(result.get('Town Council Approves New Budget for Waterfront Repairs'), 'related related/headline-like');
    assert.equal(result.get(SECOND), 'body body/paragraph');
    assert.equal(result.get('Reporting by Li Wei; editing by Ana Ruiz.'), 'credit credit/production');
    assert.equal(result.get('Share this article'), 'chrome chrome/share');
    assert.equal(result.get('Most read'), 'chrome chrome/other-articles');
    assert.equal(result.get('Some other story about gardens'), 'chrome chrome/after-body');
  });
  it('skips a numbered box of other articles inside the body and keeps the text after it', () => {
    const third = 'The authority expects the first ferries to dock at the pier again in April, weather permitting, it said.';
    const result = classify(
      ['Pier to Reopen', '', LEDE, '', 'MORE ON HARBOUR NEWS', '', ' 1. Ferry Company Adds Two Boats', '    [https://ledger.example/ferry]', ' 2. Storm Closes Beaches Along the Coast', '    [https://ledger.example/storm]', ' 3. Council Approves New Budget', '    [https://ledger.example/budget]', '', SECOND, '', third].join('\n'),
    );
    assert.equal(result.get('MORE ON HARBOUR NEWS'), 'chrome chrome/other-articles');
    assert.equal(result.get(SECOND), 'body body/paragraph');
    assert.equal(result.get(third), 'body body/paragraph');
  });
  it('skips a box of other articles given as bullets, image names and cut titles, and keeps the items out', () => {
    const third = 'The authority expects the first ferries to dock at the pier again in April, weather permitting, it said.';
    const result = classify(
      ['Pier to Reopen', '', LEDE, '', 'Related articles', '', '•', '', '  [1203947_1]', '', '  Ferry company adds two boats for a busy summer season on the...', '', '•', '', '  [1204223_1]', '', '  Storm closes beaches', '', SECOND, '', third].join('\n'),
    );
    assert.equal(result.get('[1203947_1]'), 'chrome chrome/other-articles-item');
    assert.equal(result.get('Ferry company adds two boats for a busy summer season on the...'), 'chrome chrome/other-articles-item');
    assert.equal(result.get(third), 'body body/paragraph');
  });
  it('prefers the headline followed by its byline and date, and never the name after a lone "By"', () => {
    const teaser = 'Officials closed the beaches on Sunday as a storm brought high winds and waves to the coast.';
    const text = ['Harbour Pier to Reopen Next Spring', '', 'By', '', 'Ana Ruiz', '', 'Published: Jun 3, 2021', '', LEDE, '', 'Related articles', '', ...Array(6).fill(`• ${teaser}`), '', 'Storm Closes Beaches Along Coast', '', SECOND, '', teaser, '', LEDE].join('\n');
    const result = classify(text);
    assert.equal(result.get('Harbour Pier to Reopen Next Spring'), 'headline headline/first-title-line');
    assert.equal(result.get('Ana Ruiz'), 'byline byline/after-by');
  });
  it('separates reader comments and the comment form', () => {
    const result = classify(
      ['Pier to Reopen', '', LEDE, '', '3 Comments on “Pier to Reopen”', '', '- Great news for the town!', '', 'Leave a Comment', '', 'Your email address will not be published.'].join('\n'),
    );
    assert.equal(result.get('3 Comments on “Pier to Reopen”'), 'chrome chrome/comments-heading');
    assert.equal(result.get('- Great news for the town!'), 'comment comment/reader');
    assert.equal(result.get('Leave a Comment'), 'chrome chrome/comment-form');
    assert.equal(result.get('Your email address will not be published.'), 'chrome chrome/comment-form');
  });
  it('treats "Original url:" and what follows as the footer', () => {
    const result = classify(['Pier to Reopen', '', LEDE, '', 'Original url: https://ledger.example/pier', '', 'Cookie settings'].join('\n'));
    assert.equal(result.get('Original url: https://ledger.example/pier'), 'footer footer/original-url');
    assert.equal(result.get('Cookie settings'), 'footer footer/after-original-url');
  });
  it('joins the lines of a hard-wrapped paragraph into one block', () => {
    const wrapped = [
      'Pier to Reopen',
      '',
      'The harbour authority said on Monday that the northern pier will reopen to ferries next spring',
      'after repairs that were delayed by two winter storms and a shortage of timber in the region this',
      'year, officials said.',
      '',
      'Engineers found that the storm had loosened more than forty pilings, the authority said in a state',
      'ment on its website, adding that divers had checked each of them by hand over the summer months.',
      '',
      'The town expects ferries to run from April, and a new ticket office is planned for the pier too.',
    ];
    assert.equal(detectWrapWidth(wrapped), 98);
    const { blocks } = classifyLines(wrapped.join('\n'), { frontMatterLines: 0, knownTitle: null });
    assert.equal(blocks.length, 4);
    assert.equal(blocks[1]?.end, 4);
  });
  it('does not join lines of a text that was not hard-wrapped', () => {
    assert.equal(detectWrapWidth(['short', 'lines only', LEDE + LEDE + LEDE]), Infinity);
  });
});

describe('classifyLines: galleries, repeats and lists inside the body', () => {
  const THIRD = 'The council will vote on the repair budget in March, and the work should take about six weeks in all.';
  const body = (lines: string[]): Map<string, string> => classify(['Harbour Pier to Reopen Next Spring', '', ...lines].join('\n'));

  it("drops a gallery's counters and controls, and captions with their counter in front", () => {
    const result = body(['Image 1 of 9', '', 'Back to Gallery', '', '1of4A diver checks a loose piling under the pier on Tuesday. (Mara Lind/Coastal Ledger)', '', LEDE, '', '2 / 9', '', SECOND]);
    assert.equal(result.get('Image 1 of 9'), 'chrome chrome/gallery');
    assert.equal(result.get('Back to Gallery'), 'chrome chrome/gallery');
    assert.equal(result.get('1of4A diver checks a loose piling under the pier on Tuesday. (Mara Lind/Coastal Ledger)'), 'caption caption/gallery');
    assert.equal(result.get('2 / 9'), 'chrome chrome/gallery');
    assert.equal(result.get(LEDE), 'body body/paragraph');
  });
  it('drops file names standing alone, contact lines and the headline printed again', () => {
    const result = body([LEDE, '', 'port-elm-pier-repairs-2021-03', '', 'Harbour Pier to Reopen Next Spring', '', SECOND, '', 'ana.ruiz@ledger.example', '', 'twitter.com/anaruiz']);
    assert.equal(result.get('port-elm-pier-repairs-2021-03'), 'chrome chrome/file-name');
    assert.equal(result.get('ana.ruiz@ledger.example'), 'chrome chrome/contact');
    assert.equal(result.get('twitter.com/anaruiz'), 'chrome chrome/contact');
    assert.equal([...classifyLines(['Harbour Pier to Reopen Next Spring', '', LEDE, '', 'Harbour Pier to Reopen Next Spring', '', SECOND].join('\n'), { frontMatterLines: 0, knownTitle: null }).lines][4]?.rule, 'chrome/headline-repeat');
  });
  it('keeps the rows of a list printed without blank lines, though they read like headlines', () => {
    const result = body([LEDE, '', 'June 9 – Port Elm, ME @ Harbour Hall Amphitheatre', 'June 12 – Salt Cove, ME @ North Pier Music Pavilion', '', SECOND]);
    assert.equal(result.get('June 9 – Port Elm, ME @ Harbour Hall Amphitheatre'), 'body body/paragraph');
    // The same line alone between paragraphs is another article's headline.
    assert.equal(body([LEDE, '', 'Ferry Company Raises Fares for the Third Year Running', '', SECOND]).get('Ferry Company Raises Fares for the Third Year Running'), 'related related/headline-like');
  });
  it('drops a labelled teaser, a run of links with no sentence and "On Site.com:" links', () => {
    const result = body([LEDE, '', "**DON'T MISS**", '', '[Ferry fares rise again](https://ledger.example/fares)', '', SECOND, '', '**On Ledger.com:** Storm closes the beaches', '', THIRD, '', '[Ferries](https://ledger.example/t/ferries)[Port Elm](https://ledger.example/t/port-elm)[Storms](https://ledger.example/t/storms)']);
    assert.equal(result.get("**DON'T MISS**"), 'chrome chrome/teaser-label');
    assert.equal(result.get('[Ferry fares rise again](https://ledger.example/fares)'), 'related related/teaser');
    assert.equal(result.get('**On Ledger.com:** Storm closes the beaches'), 'related related/labelled');
    assert.equal(result.get(SECOND), 'body body/paragraph');
    assert.equal(result.get(THIRD), 'body body/paragraph');
    assert.match(result.get('[Ferries](https://ledger.example/t/ferries)[Port Elm](https://ledger.example/t/port-elm)[Storms](https://ledger.example/t/storms)') ?? '', /^(?:related|chrome) /);
  });
  it('keeps a paragraph of prose made of links', () => {
    const prose = '[The harbour authority](https://ledger.example/a) [said](https://ledger.example/s) on Monday [that the pier](https://ledger.example/p) [will reopen](https://ledger.example/r).';
    assert.equal(body([LEDE, '', prose, '', SECOND]).get(prose), 'body body/paragraph');
  });
  it('ends headings of other-article lists with a section name in them ("More Business News")', () => {
    const result = body([LEDE, '', SECOND, '', '## More Business News', '', '* Ferry fares rise again', '* Storm closes the beaches']);
    assert.equal(result.get('## More Business News'), 'chrome chrome/other-articles');
    assert.equal(result.get('* Ferry fares rise again')?.startsWith('body'), false);
  });
  it('keeps a caption printed twice once, and ends the article where it is printed a second time', () => {
    const caption = 'A diver checks one of the forty loose pilings under the northern pier of the harbour on Tuesday morning.';
    const twice = body([caption, '', caption, '', LEDE, '', SECOND]);
    assert.equal(twice.get(caption), 'caption caption/repeated');
    const paragraphs = Array.from({ length: 8 }, (_, n) => `Paragraph ${n + 1} of the report says that the pier needs ${n + 2} new pilings and a stronger deck before it opens again.`);
    const { lines } = classifyLines(['Harbour Pier to Reopen Next Spring', '', ...paragraphs.flatMap((p) => [p, '']), 'Harbour News', '', ...paragraphs.flatMap((p) => [p, ''])].join('\n'), { frontMatterLines: 0, knownTitle: null });
    const bodyLines = lines.filter((line) => line.class === 'body').map((line) => line.text);
    assert.deepEqual(bodyLines, paragraphs);
  });
  it('finds the wrap width of a text whose long addresses run past it', () => {
    const wrapped = Array.from({ length: 8 }, () => 'The harbour authority said on Monday that the northern pier will reopen to ferries next');
    const urls = Array.from({ length: 12 }, (_, n) => `[https://ledger.example/images/2021/06/port-elm-harbour-pier-repairs-photo-${n}-large-1200x800.jpg]`);
    assert.equal(detectWrapWidth([...wrapped, ...urls]), wrapped[0]!.length);
  });
});

describe('cheap tests before slow expressions', () => {
  const seeds = join(import.meta.dirname, '..', '..', 'seeds');
  const seedBlocks = readdirSync(seeds).flatMap((name) => classifyLines(readFileSync(join(seeds, name), 'utf8'), { frontMatterLines: 0, knownTitle: null }).blocks);

  it('beforePadding is the plain text before the first run of three white spaces, on every block of the seeds and a padded page title', () => {
    const padded = classifyLines('Harbour Pier to Reopen | Coastal Ledger      [**Subscribe**](https://ledger.example/subscribe)\n', { frontMatterLines: 0, knownTitle: null }).blocks;
    assert.equal(beforePadding(padded[0]!), 'Harbour Pier to Reopen | Coastal Ledger');
    for (const block of [...seedBlocks, ...padded]) assert.equal(beforePadding(block), plainText(block.raw.trim().split(/\s{3,}/)[0] ?? ''));
  });

  it('mayEndWithCredit holds wherever the photo-credit expression matches, and not on prose', () => {
    const credits = ['Photo: Jane Roe/AFP', 'The pier in March. | Photo credit: Coastal Ledger', 'Storm damage (Image:  Port Elm Council )  ', 'Pictures: J. Roe, A. Poe'];
    for (const text of [...credits, ...seedBlocks.map((block) => block.text)]) {
      if (CAPTION_PHOTO_CREDIT.test(text)) assert.ok(mayEndWithCredit(text), text);
    }
    for (const text of credits) assert.ok(CAPTION_PHOTO_CREDIT.test(text), text);
    assert.equal(mayEndWithCredit(LEDE), false);
    assert.equal(mayEndWithCredit(`The council said: ${SECOND} ${LEDE}`), false);
  });
});

describe('blockKeys', () => {
  const SEEDS = join(import.meta.dirname, '..', '..', 'seeds');
  // The seeds' blocks, and an echo: a line printed again, once as it is and once with more after it.
  const texts = [...readdirSync(SEEDS).map((name) => readFileSync(join(SEEDS, name), 'utf8')), 'Pier to Reopen Next Spring\n\nPier to reopen next spring.\n\nPier to Reopen Next Spring, Officials Say'];

  it('answers alike by reading the blocks and by sorting their keys, and as the whole keys say', () => {
    let echoes = 0;
    for (const text of texts) {
      const blocks = groupBlocks(text.split('\n'), 0);
      const wholeKeys = blocks.map((block) => computeLetterKey(block.text));
      // Every block's key and its first 12 letters, as headlineScore asks them.
      const asked = [...new Set(wholeKeys.flatMap((key) => [key, key.slice(0, 12)]))].filter((key) => key.length <= 80);
      const length = Math.max(...asked.map((key) => key.length));
      const scanned = blockKeys(blocks, length, false);
      const sorted = blockKeys(blocks, length, true);
      for (const key of asked) {
        const starting = wholeKeys.filter((whole) => whole.startsWith(key)).length;
        assert.equal(scanned.hasEcho(key), starting >= 2, key);
        assert.equal(sorted.hasEcho(key), starting >= 2, key);
        assert.equal(scanned.count(key), wholeKeys.filter((whole) => whole === key).length, key);
        assert.equal(sorted.count(key), scanned.count(key), key);
        if (starting >= 2) echoes++;
      }
    }
    assert.ok(echoes > 0, 'some keys are echoed');
    const last = groupBlocks(texts.at(-1)!.split('\n'), 0);
    assert.deepEqual([blockKeys(last, 30, false).count('piertoreopennextspring'), blockKeys(last, 30, true).count('piertoreopennextspring')], [2, 2]);
  });
});

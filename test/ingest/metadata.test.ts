import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classifyLines } from '../../src/ingest/classify.ts';
import { splitLeadIn } from '../../src/ingest/leadIn.ts';
import { cleanAuthorName, extractMetadata } from '../../src/ingest/metadata.ts';
import { findHostNameInText, nameFromLabel, segmentHostLabel, siteLabel } from '../../src/ingest/publisher.ts';

const LEDE = 'The harbour authority said on Monday that the northern pier will reopen to ferries next spring after repairs.';

function metadata(lines: string[], publishers: Record<string, string> = {}) {
  return extractMetadata(classifyLines(lines.join('\n'), { frontMatterLines: 0, knownTitle: null }), publishers);
}

describe('extractMetadata', () => {
  it('reads authors from a byline and leaves roles out', () => {
    const result = metadata(['Pier to Reopen', '', 'By Ana Ruiz and Li Wei, Staff Writers', '', LEDE]);
    assert.deepEqual(result.authors?.value, ['Ana Ruiz', 'Li Wei']);
    assert.equal(result.authors?.provenance.line, 3);
  });
  it('reads a linked byline name', () => {
    assert.deepEqual(metadata(['Pier to Reopen', '', 'By [Ana Ruiz](#)', '', LEDE]).authors?.value, ['Ana Ruiz']);
  });
  it('reads an outlet and a date from the line after a lone "By"', () => {
    const result = metadata(['Pier to Reopen', '', 'By', '', 'Coastal Ledger News | 3 Jun, 2021', '', LEDE]);
    assert.equal(result.publisher?.value, 'Coastal Ledger News');
    assert.equal(result.publisher?.provenance.rule, 'publisher/byline');
    assert.equal(result.published?.value.iso, '2021-06-03');
    assert.deepEqual(result.authors?.value, []);
  });
  it('prefers a "Published" date to an "Updated" one', () => {
    const result = metadata(['Pier to Reopen', '', 'Updated June 9, 2021', '', 'Published June 3, 2021', '', LEDE]);
    assert.equal(result.published?.value.iso, '2021-06-03');
    assert.equal(result.published?.provenance.rule, 'date/labelled-line');
  });
  it("prefers the article's date line to later ones of related articles", () => {
    const result = metadata(['Pier to Reopen', '', 'Ana Ruiz', '', 'Jun 3, 2021 · Updated: Jun 4, 2021', '', LEDE, '', 'Ferries Return to Port Elm', '', 'June 9, 2021']);
    assert.equal(result.published?.value.iso, '2021-06-03');
  });
  it('takes the section from a breadcrumb', () => {
    assert.equal(metadata(['Home > Local > Waterfront', '', 'Pier to Reopen', '', LEDE]).section?.value, 'Waterfront');
  });
  it('takes an outlet from an ALL-CAPS lead-in and a place from a dateline', () => {
    const outlet = metadata(['Pier to Reopen', '', `COASTAL LEDGER – ${LEDE}`]);
    assert.equal(outlet.publisher?.value, 'Coastal Ledger');
    assert.equal(outlet.publisher?.provenance.rule, 'publisher/lead-in');
    const place = metadata(['Pier to Reopen', '', `Port Elm, Maine, June 3, 2021 – ${LEDE}`]);
    assert.equal(place.dateline?.value, 'Port Elm, Maine');
    assert.equal(place.published?.value.iso, '2021-06-03');
    assert.equal(place.published?.provenance.rule, 'date/lead-in');
  });
  it('names the publisher after the original URL: as written in the text, else the host split into words', () => {
    const written = metadata(['Pier to Reopen', '', LEDE, '', 'Follow the PortElmGazette on social media.', '', 'Original url: https://www.portelmgazette.example/2021/06/03/pier']);
    assert.equal(written.publisher?.value, 'PortElmGazette');
    assert.equal(written.publisher?.provenance.rule, 'publisher/url-host-in-text');
    assert.equal(written.url?.value, 'https://www.portelmgazette.example/2021/06/03/pier');
    assert.equal(written.published?.value.iso, '2021-06-03');
    assert.equal(written.published?.provenance.rule, 'date/url-path');
    const split = metadata(['Pier to Reopen', '', LEDE, '', 'Original url:', '', '<https://thecoastalledger.com/pier>']);
    assert.equal(split.publisher?.value, 'The Coastal Ledger');
    assert.equal(split.publisher?.provenance.origin, 'inferred');
  });
  it('finds a date printed in a short line near the headline', () => {
    const result = metadata(['Pier to Reopen', '', 'Story by the newsroom of the Ledger · Nov. 18th 2021 12:12 pm PT', '', LEDE]);
    assert.equal(result.published?.value.iso, '2021-11-18');
    assert.equal(result.published?.provenance.rule, 'date/near-headline');
  });
  it('names the publisher from a page title with the site after it', () => {
    const result = metadata(['Pier to Reopen | Port Elm Ledger', '', 'Menu', '', '# Pier to Reopen', '', LEDE]);
    assert.equal(result.title?.value, 'Pier to Reopen');
    assert.equal(result.publisher?.value, 'Port Elm Ledger');
    assert.equal(result.publisher?.provenance.rule, 'publisher/title-suffix');
  });
  it('names the publisher after the host most links point to', () => {
    const links = ['https://portelmledger.example/sport', 'https://portelmledger.example/local', 'https://share.example/?u=1', 'https://portelmledger.example/about'];
    const result = metadata([...links.map((link) => `[Section](${link})`), '', 'Pier to Reopen Next Spring', '', LEDE]);
    assert.equal(result.publisher?.value, 'Port Elm Ledger');
    assert.equal(result.publisher?.provenance.rule, 'publisher/frequent-host');
    assert.equal(result.url, null);
  });
  it('finds the page URL by its headline and names the publisher after its host', () => {
    const result = metadata(['Pier to Reopen Next Spring', '', LEDE, '', 'https://portelmledger.example/2021/06/03/pier-to-reopen-next-spring']);
    assert.equal(result.url?.value, 'https://portelmledger.example/2021/06/03/pier-to-reopen-next-spring');
    assert.equal(result.url?.provenance.rule, 'url/matches-headline');
    assert.equal(result.publisher?.value, 'Port Elm Ledger');
    assert.equal(result.publisher?.provenance.rule, 'publisher/url-host-words');
  });
  it('drops the site name after a bar from a headline and keeps it as the publisher', () => {
    const result = metadata(['Pier to Reopen Next Spring | Port Elm Ledger', '', LEDE]);
    assert.equal(result.title?.value, 'Pier to Reopen Next Spring');
    assert.equal(result.title?.provenance.rule, 'headline/without-site-suffix');
    assert.equal(result.publisher?.value, 'Port Elm Ledger');
  });
  it('falls back to the owner in a copyright line', () => {
    const result = metadata(['Pier to Reopen', '', LEDE, '', '© 2021 Coastal Ledger Media Inc. All rights reserved.']);
    assert.equal(result.publisher?.value, 'Coastal Ledger');
  });
  it('uses a curated name for a host, as catalogue', () => {
    const result = metadata(['Pier to Reopen', '', LEDE, '', 'Original url: https://pel.example/a'], { 'pel.example': 'Port Elm Ledger' });
    assert.equal(result.publisher?.value, 'Port Elm Ledger');
    assert.equal(result.publisher?.provenance.origin, 'catalogue');
  });
  it('prefers the page host written in the text to a title suffix that names a kind of page', () => {
    const result = metadata(['Pier to Reopen - Photo', '', '# Pier to Reopen', '', LEDE, '', 'Ask the Harbor Herald a question.', '', 'Original url: https://www.harborherald.example/pier']);
    assert.equal(result.publisher?.value, 'Harbor Herald');
    assert.equal(result.publisher?.provenance.rule, 'publisher/url-host-in-text');
  });
  it('cuts a page title at the padding a converter adds before the next item', () => {
    const result = metadata(['Pier to Reopen - Port Elm Ledger          [Skip to main content](#)', '', '# Pier to Reopen', '', LEDE]);
    assert.equal(result.publisher?.value, 'Port Elm Ledger');
  });
  it('names the publisher from the titles of its feeds', () => {
    const result = metadata(['#[1]Harbor Wire » Feed [2]Harbor Wire » Comments Feed', '', 'Pier to Reopen Next Spring', '', LEDE]);
    assert.equal(result.publisher?.value, 'Harbor Wire');
    assert.equal(result.publisher?.provenance.rule, 'publisher/feed-title');
  });
  it('names the publisher from the site naming itself in follow and subscribe prompts', () => {
    const result = metadata(['Pier to Reopen Next Spring', '', LEDE, '', 'Follow PierPoint on Twitter', '', 'Subscribe to PierPoint on YouTube for more harbour news:']);
    assert.equal(result.publisher?.value, 'PierPoint');
    assert.equal(result.publisher?.provenance.rule, 'publisher/self-naming');
  });
  it("takes the site from an author's e-mail address and spells a vowel-less label as initials", () => {
    const result = metadata(['Pier to Reopen Next Spring', '', LEDE, '', 'Write to Ana Ruiz at ana.ruiz@pnj.example']);
    assert.equal(result.publisher?.value, 'PNJ');
    assert.equal(result.publisher?.provenance.origin, 'inferred');
  });
  it('takes the site from the page URL quoted inside share links', () => {
    const share = (target: string) => `https://www.facebook.com/sharer.php?u=https%3A%2F%2Fwww.zorbix.example%2Fpier&via=${target}`;
    const result = metadata(['Pier to Reopen Next Spring', '', share('a'), share('b'), share('c'), '', LEDE]);
    assert.equal(result.publisher?.value, 'Zorbix');
  });
  it('takes the outlet after "for" in a byline credit', () => {
    assert.equal(metadata(['Pier to Reopen', '', 'By Coastal Media Desk for Ledger.example', '', LEDE]).publisher?.value, 'Ledger.example');
  });
  it('collects captions with credits, related titles and comments', () => {
    const result = metadata([
      'Pier to Reopen',
      '',
      'The mayor at the pier. Photo: Mara Lind',
      '',
      LEDE,
      '',
      'Related: [Ferries Return to Port Elm](#)',
      '',
      'One thought on “Pier to Reopen”',
      '',
      '• About time!',
    ]);
    assert.deepEqual(result.captions, [{ text: 'The mayor at the pier.', credit: 'Mara Lind' }]);
    assert.deepEqual(result.related, ['Ferries Return to Port Elm']);
    assert.deepEqual(result.comments, ['About time!']);
  });
});

describe('lead-ins', () => {
  it('tells an outlet from a place and keeps an agency', () => {
    assert.equal(splitLeadIn('PORT ELM (Harbor Wire) — The pier reopens.')?.kind, 'place');
    assert.equal(splitLeadIn('PORT ELM (Harbor Wire) — The pier reopens.')?.agency, 'Harbor Wire');
    assert.equal(splitLeadIn('PORT ELM DAILY NEWS - The pier reopens.')?.kind, 'outlet');
    assert.equal(splitLeadIn('Apple — the company — said so.'), null);
    assert.equal(splitLeadIn('The pier reopens.'), null);
  });
});

describe('publisher names from hosts', () => {
  it('finds the site label of a host', () => {
    assert.equal(siteLabel('themoscowtimes.com'), 'themoscowtimes');
    assert.equal(siteLabel('telegraph.co.uk'), 'telegraph');
    assert.equal(siteLabel('news.ledger.example'), 'ledger');
  });
  it('finds the host letters written as a name', () => {
    assert.equal(findHostNameInText('9to5mac', 'Read more at 9to5Mac today'), '9to5Mac');
    assert.equal(findHostNameInText('coastalledger', 'a story from the Coastal Ledger.'), 'Coastal Ledger');
    assert.equal(findHostNameInText('coastalledger', 'nothing here'), null);
  });
  it('splits a host into words only when they read as words', () => {
    assert.equal(segmentHostLabel('themoscowtimes'), 'The Moscow Times');
    assert.equal(segmentHostLabel('havanatimes'), 'Havana Times');
    assert.equal(segmentHostLabel('xq'), null);
    assert.equal(segmentHostLabel('catchitharbor'), 'Catch It Harbor');
    assert.equal(segmentHostLabel('harborridermag'), 'Harbor Rider');
  });
  it('spells a label that is no words as initials or a capitalised name', () => {
    assert.equal(nameFromLabel('pnj'), 'PNJ');
    assert.equal(nameFromLabel('zorbix'), 'Zorbix');
  });
});

describe('author names from bylines', () => {
  it('keeps the words of a name and drops what a page prints after it', () => {
    assert.equal(cleanAuthorName('Ana Ruiz@CoastalLedger Nov 18'), 'Ana Ruiz');
    assert.equal(cleanAuthorName('Li Wei 2021-06-03T10:15:00Z Harbour'), 'Li Wei');
    assert.equal(cleanAuthorName('Mara Lind, MS, RD on June 3, 2021'.split(',')[0]!), 'Mara Lind');
    assert.equal(cleanAuthorName('Ana Ruiz Ana Ruiz'), 'Ana Ruiz');
    assert.equal(cleanAuthorName('AnaDeLaCruz'), 'Ana De La Cruz');
    assert.equal(cleanAuthorName('Jean-Luc LaMotte'), 'Jean-Luc LaMotte');
    assert.equal(cleanAuthorName('Ludwig van Beethoven'), 'Ludwig van Beethoven');
    assert.equal(cleanAuthorName('Reuters'), 'Reuters');
    for (const notAName of ['CNN', 'Topic: Hardware', '2021-06-03', 'MS', 'of the Ledger']) assert.equal(cleanAuthorName(notAName), null, notAName);
  });
  it('reads "Written by" bylines and prefers the byline above the body to those of comments below it', () => {
    const text = ['Pier to Reopen', '', 'Written by Mara Lind, MS, RD on June 3, 2021', '', LEDE, '', 'Engineers found forty loose pilings, the authority said.', '', 'by Rahul 0', '', 'by Ana Ruiz'].join('\n');
    const classification = classifyLines(text, { frontMatterLines: 0, knownTitle: null });
    assert.deepEqual(extractMetadata(classification, {}).authors?.value, ['Mara Lind']);
  });
});

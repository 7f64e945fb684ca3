// A deterministic corpus of messy article captures for the benchmark: the same seed and count give
// the same bytes. Each text is written in the manner of one of five outlet styles seen in seeds/
// (Markdown heading + "By [Outlet](#)" + "Original url:", a blog with share bar and comments, a
// wire with a dateline and an editor's note, a "Outlet | 12 Feb, 2019" byline, a page with a menu
// and "Published 14 May 2019"). Sentences come from a word-pair chain trained on the seeds' own
// text, mixed with a built-in vocabulary, made-up names and a Zipf tail of made-up words, so the search
// index sees a vocabulary that keeps growing with the archive, as real text does.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** mulberry32: a small, fast seeded PRNG (public domain); returns [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const between = (random: Random, low: number, high: number): number => low + Math.floor(random() * (high - low + 1));

/** Word pairs from the seeds' prose: word -> the words seen after it. */
export interface Chain {
  starts: string[];
  next: Map<string, string[]>;
}

/** Trains the chain on the prose lines (long lines) of the given texts. */
export function trainChain(texts: readonly string[]): Chain {
  const starts: string[] = [];
  const next = new Map<string, string[]>();
  for (const text of texts) {
    for (const line of text.split('\n')) {
      if (line.length < 80) continue;
      const words = line.replace(/[*_#[\]<>]/g, '').split(/\s+/).filter(Boolean);
      if (words[0] && /^[A-Z]/.test(words[0])) starts.push(words[0]);
      for (let i = 0; i + 1 < words.length; i++) {
        const w = words[i] as string;
        const list = next.get(w) ?? [];
        list.push(words[i + 1] as string);
        next.set(w, list);
      }
    }
  }
  return { starts, next };
}

/** The seeds' texts (read once; the corpus depends on them, and on nothing else outside this file). */
export function readSeedTexts(seedsDir: string): string[] {
  return readdirSync(seedsDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(join(seedsDir, f), 'utf8'));
}

// Built-in vocabulary: general news words, so topics drift away from the seeds' one story.
const TOPIC_WORDS = (
  'election budget parliament minister ministry court ruling appeal sanctions tariff trade harbour port grain wheat oil gas pipeline ' +
  'refinery drought flood wildfire hurricane earthquake vaccine hospital clinic nurses teachers strike union wages pension inflation ' +
  'currency central bank interest rates bond market shares investors mining copper lithium gold railway highway bridge airport ' +
  'ceasefire talks treaty summit delegation embassy ambassador consulate border migrants refugees asylum customs smuggling cartel ' +
  'police protest march rally opposition coalition senate congress referendum constitution governor mayor council district province ' +
  'region village farmers fishermen fisheries forest rainforest river dam reservoir electricity blackout grid solar wind turbines ' +
  'carbon emissions climate conference negotiators diplomats observers monitors journalists newspaper broadcaster censorship ' +
  'satellite drone missile navy army general colonel troops exercise base fleet frigate submarine cyberattack hackers espionage ' +
  'prosecutor indictment trial verdict sentence prison amnesty pardon corruption bribery audit contract tender procurement loan ' +
  'debt restructuring creditors bondholders default exports imports shipment cargo tanker container freight logistics harvest ' +
  'drought famine aid donors charity volunteers shelter housing rent mortgage construction cement steel factory plant workers ' +
  'unemployment poverty census survey poll ballot turnout campaign candidate primary runoff recount commission regulator license'
).split(' ');

const SYLLABLES = 'ka lo ri ve na to ma sel dru vin ko ra bel tan mir go sa zu ven tor li der ax os ul pe ni ha bor kan'.split(' ');
const CITY_SUFFIX = ['', '', 'grad', 'ville', ' City', 'ia', 'port', 'o'];

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const MON = MONTHS.map((m) => m.slice(0, 3));

const capital = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

/** A made-up word of 2-3 syllables: names of people, places and firms that recur across articles. */
function madeUpWord(random: Random): string {
  let word = '';
  for (let i = between(random, 2, 3); i > 0; i--) word += pick(random, SYLLABLES);
  return capital(word);
}

/**
 * A word of the long tail: word number i of 60,000 made-up words, drawn with probability ~1/i (Zipf),
 * so that, as in real news text, a few rare words recur and most occur once or twice.
 */
function rareWord(random: Random): string {
  return tailWord(Math.floor(Math.exp(random() * Math.log(60_000))));
}

/** Word number i of the long tail (rareWord): the bench searches for one of them. */
export function tailWord(i: number): string {
  let word = '';
  do {
    word += SYLLABLES[i % SYLLABLES.length];
    i = Math.floor(i / SYLLABLES.length);
  } while (i > 0 || word.length < 4);
  return word;
}

/** The world the corpus talks about: outlets, people, places (fixed per corpus seed). */
interface World {
  outlets: Array<{ name: string; host: string; style: number }>;
  people: string[];
  places: string[];
  sections: string[];
  commenters: string[];
}

function makeWorld(random: Random): World {
  const outlets = Array.from({ length: 60 }, (_, i) => {
    const base = madeUpWord(random);
    const name = pick(random, [`The ${base} Times`, `${base} News`, `${base} Daily`, `${base}analysis`, `${base} Post`, `Radio ${base}`]);
    return { name, host: `${base.toLowerCase()}${pick(random, ['news', 'times', 'daily', 'post', ''])}.${pick(random, ['com', 'org', 'net', 'co.uk'])}`, style: i % 5 };
  });
  const people = Array.from({ length: 2000 }, () => `${madeUpWord(random)} ${madeUpWord(random)}`);
  const places = Array.from({ length: 400 }, () => `${madeUpWord(random)}${pick(random, CITY_SUFFIX)}`);
  const sections = ['World', 'Politics', 'Economy', 'U.S.', 'Latin America', 'Europe', 'Energy', 'Business', 'Opinion', 'Analysis'];
  const commenters = Array.from({ length: 300 }, () => madeUpWord(random));
  return { outlets, people, places, sections, commenters };
}

/** One sentence: the chain, with topic words and names spliced in. */
function sentence(random: Random, chain: Chain, topic: readonly string[], names: readonly string[]): string {
  const words: string[] = [pick(random, chain.starts)];
  const length = between(random, 12, 34);
  while (words.length < length) {
    const r = random();
    if (r < 0.08) words.push(pick(random, topic));
    else if (r < 0.11) words.push(pick(random, names));
    else if (r < 0.13) words.push(rareWord(random));
    else {
      const options = chain.next.get(words[words.length - 1] as string);
      words.push(options ? pick(random, options) : pick(random, chain.starts).toLowerCase());
    }
  }
  return `${words.join(' ').replace(/[.,;:]+$/, '')}.`;
}

function paragraphs(random: Random, chain: Chain, topic: readonly string[], names: readonly string[], wordTarget: number): string[] {
  const out: string[] = [];
  let words = 0;
  while (words < wordTarget) {
    const p = Array.from({ length: between(random, 1, 4) }, () => sentence(random, chain, topic, names)).join(' ');
    words += p.split(' ').length;
    out.push(p);
  }
  return out;
}

function headline(random: Random, topic: readonly string[], names: readonly string[], places: readonly string[]): string {
  const verb = pick(random, ['Talks on', 'Row Over', 'Deal on', 'Vote on', 'Protests Over', 'Inquiry Into', 'Court Rules on', 'Crisis Deepens Over']);
  const form = between(random, 0, 3);
  if (form === 0) return `${pick(random, places)} ${verb} ${capital(pick(random, topic))} ${pick(random, ['Stall', 'Resume', 'Collapse', 'Advance'])}`;
  if (form === 1) return `${pick(random, names)} Says ${capital(pick(random, topic))} ${pick(random, ['Will Not Wait', 'Is Negotiable', 'Must End', 'Comes First'])}`;
  if (form === 2) return `${verb} ${capital(pick(random, topic))} in ${pick(random, places)} as ${capital(pick(random, topic))} ${pick(random, ['Rises', 'Falls', 'Looms'])}`;
  return `${capital(pick(random, topic))} and ${capital(pick(random, topic))}: What ${pick(random, places)} ${verb} Means`;
}

/** One article's text in outlet style `style` (0-4). */
function articleText(random: Random, chain: Chain, world: World, index: number): string {
  const outlet = pick(random, world.outlets);
  const topic = Array.from({ length: 6 }, () => pick(random, TOPIC_WORDS));
  const names = Array.from({ length: 4 }, () => pick(random, world.people));
  const place = pick(random, world.places);
  const title = headline(random, topic, names, world.places);
  const body = paragraphs(random, chain, topic, names, between(random, 300, 1500));
  const year = 2000 + (index % 25);
  const month = between(random, 0, 11);
  const day = between(random, 1, 28);
  const author = pick(random, world.people);
  const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  const url = `https://www.${outlet.host}/${year}/${String(month + 1).padStart(2, '0')}/${String(day).padStart(2, '0')}/${slug}-a${index}`;
  const caption = `${names[0]} speaks in ${place} in ${year}.`;
  const comments = Array.from({ length: between(random, 0, 3) }, () => sentence(random, chain, topic, names));
  const lines: string[] = [];
  switch (outlet.style) {
    case 0:
      lines.push('', '', `# ${title}`, '', `By [${outlet.name}](#)`, '', `${MONTHS[month]} ${day}, ${year}`, '', '', '', `**${author} / ${outlet.name}**`, '');
      for (const [i, p] of body.entries()) {
        lines.push(p, '');
        if (i === 3) lines.push(`**Related article:** [${headline(random, topic, names, world.places)}](#)`, '');
      }
      lines.push('Original url:', '', `<${url}>`);
      break;
    case 1:
      lines.push(title, '', `${caption} Photo:`, '', `${outlet.name.toUpperCase()} – ${body[0]}`, '');
      for (const p of body.slice(1)) lines.push(p, '');
      lines.push('Please share, follow and like us:', '');
      if (comments.length > 0) {
        lines.push(`${comments.length === 1 ? 'One thought' : `${comments.length} thoughts`} on “${title}`, '');
        for (const c of comments) lines.push(`  • ${c}`, '');
      }
      lines.push('Leave a Reply', '', 'Your email address will not be published.');
      break;
    case 2:
      lines.push(title, '', sentence(random, chain, topic, names), '', caption, `${names[1]} during a visit to ${place}.`, '');
      lines.push(`${place}, ${pick(random, world.places)}, ${MONTHS[month]} ${day}, ${year} ( – ${body[0]}`, '');
      for (const p of body.slice(1)) lines.push(p, '');
      lines.push(`Edited by ${author} in ${place}.`);
      break;
    case 3:
      lines.push(title, '', 'By', '', `${outlet.name} | ${day} ${MON[month]}, ${year}`, '');
      for (const p of body) lines.push(p, '');
      lines.push('Last news');
      break;
    default:
      lines.push('• Live', '    • Audio Only', '  • google plus', '  • facebook', '  • twitter', `News > ${pick(random, world.sections)}`, '', title, '');
      lines.push(`  • ${caption}`, '', `    ${caption} | Photo: ${outlet.name}`, '', `Published ${day} ${MONTHS[month]} ${year}`, '');
      lines.push(sentence(random, chain, topic, names), '');
      for (const p of body) lines.push(p, '');
      lines.push(comments.length === 0 ? 'Post with no comments.' : `Post with ${comments.length} comments.`);
  }
  return `${lines.join('\n')}\n`;
}

export interface CorpusFile {
  /** File name: zero-padded index, so the folder order is the generation order. */
  name: string;
  text: string;
}

/** `count` article texts from the seeds' word pairs, all fixed by `seed`. */
export function* generateCorpus(count: number, seedTexts: readonly string[], seed = 1): Generator<CorpusFile> {
  const random = seededRandom(seed);
  const chain = trainChain(seedTexts);
  const world = makeWorld(random);
  for (let i = 0; i < count; i++) {
    yield { name: `${String(i).padStart(6, '0')}.txt`, text: articleText(random, chain, world, i) };
  }
}

// Direct quotes and their speakers. A quote is text between quotation marks (straight or curly) of at
// least MIN_QUOTE_WORDS words; one left open at a paragraph's end goes on in the next paragraph when
// that opens with a quotation mark. Its speaker is the person named beside a verb of saying right after
// it ('", Abrams said', '" TASS quoted Ryabkov as saying', '" said Pompeo') or before it ('Lavrov said
// of ..., adding that "'); 'he said', 'the Russian minister added' and an unattributed quote that follows
// an attributed one carry the last speaker on.
import type { Resolved } from './resolve.ts';
import { SPEECH_VERBS } from './patterns.ts';
import { FIRST_BODY_UNIT } from './text.ts';

/** Shorter quoted phrases are words held at arm's length ('"chill"'), not statements. */
export const MIN_QUOTE_WORDS = 4;

export interface FoundQuote {
  text: string;
  /** Entity key of the speaker, or null. */
  speaker: string | null;
  attribution: 'named' | 'carried' | null;
  unit: number;
}

interface Span {
  unit: number;
  start: number;
  end: number;
  /** Quote text (joined across paragraphs when it runs on). */
  text: string;
  /** The quote ran to the end of its paragraph with no closing mark. */
  open: boolean;
}

/** An opening quotation mark (the keys of CLOSING), searched for rather than tested at every character. */
const OPENING_MARK = /["“„«]/g;
const CLOSING: Record<string, string> = { '"': '"', '“': '”', '„': '“', '«': '»' };

/** The quotation spans of one paragraph. */
function quoteSpans(text: string, unit: number): Span[] {
  const spans: Span[] = [];
  OPENING_MARK.lastIndex = 0;
  for (let found = OPENING_MARK.exec(text); found !== null; found = OPENING_MARK.exec(text)) {
    const i = found.index;
    const ch = found[0];
    const close = text.indexOf(CLOSING[ch] as string, i + 1);
    const end = close === -1 ? text.length : close;
    spans.push({ unit, start: i, end: close === -1 ? end : end + 1, text: text.slice(i + 1, end).trim().replace(/[\s,;:]+$/u, ''), open: close === -1 });
    OPENING_MARK.lastIndex = end + 1;
  }
  return spans;
}

const verbs = [...SPEECH_VERBS].join('|');
const PLACEHOLDER = '\u0000';
/** Text with each person mention replaced by PLACEHOLDER + its index, so patterns can see who stands where. */
function marked(text: string, from: number, to: number, people: Resolved[]): string {
  let out = '';
  let at = from;
  people.forEach((p, index) => {
    if (p.start < from || p.end > to) return;
    out += text.slice(at, p.start) + `${PLACEHOLDER}${index}${PLACEHOLDER}`;
    at = p.end;
  });
  return out + text.slice(at, to);
}
const P = `${PLACEHOLDER}(\\d+)${PLACEHOLDER}`;
/** A word that does not end a sentence ('U.S.' is a word; 'reporters.' ends one). */
const WORDS = `(?:(?:\\p{Lu}\\.){2,}|[^\\s${PLACEHOLDER}"“”.!?]+)\\s+`;
/** After a quote: ', Abrams said' / ', U.S. envoy Elliot Abrams told' / ', TASS quoted Ryabkov as saying' / ', said Pompeo'. */
const AFTER_NAMED = [
  new RegExp(`^\\s*,?\\s*(?:${WORDS}){0,8}?${P}\\s+(?:${WORDS}){0,2}(?:${verbs})\\b`, 'iu'),
  new RegExp(`^\\s*,?\\s*(?:${WORDS}){0,8}?quoted\\s+${P}\\s+as\\s+saying`, 'iu'),
  new RegExp(`^\\s*,?\\s*(?:${verbs})\\s+${P}`, 'iu'),
];
/** After a quote: ', he said' / ', added the Russian minister'. */
const AFTER_CARRIED = new RegExp(`^\\s*,?\\s*(?:(?:he|she)\\s+(?:${verbs})|(?:${verbs})\\s+(?:the|his|her)\\s)`, 'iu');
/** Before a quote: 'Lavrov said of the U.S. administration ..., adding that'. */
const BEFORE_NAMED = new RegExp(`${P}[^${PLACEHOLDER}]*?\\b(?:${verbs}|adding|saying)\\b[^${PLACEHOLDER}]*$`, 'iu');
/** Before a quote: 'The Russian diplomat said,' / 'he added that'. */
const BEFORE_CARRIED = new RegExp(`(?:^|[.!?]\\s+|\\b)(?:(?:he|she)\\s+(?:[^\\s${PLACEHOLDER}]+\\s+){0,12}?|the\\s+[\\p{L}.\\s-]{1,40}?\\s+(?:also\\s+)?)(?:${verbs})\\b[^${PLACEHOLDER}]*$`, 'iu');

const HAS_LETTER = /\p{L}/u;
const NON_SPACE_RUN = /\S+/gu;

/** Whether `text` has at least `count` words (runs of non-space) with a letter in them; stops counting there. */
function hasWordsWithLetters(text: string, count: number): boolean {
  let found = 0;
  for (const [word] of text.matchAll(NON_SPACE_RUN)) if (HAS_LETTER.test(word) && ++found >= count) return true;
  return found >= count;
}
/** A verb of saying right after a name: 'Lavrov said'. */
const SAID_AFTER = new RegExp(`^\\s+(?:${verbs})\\b`, 'iu');

/** Where the sentence holding `at` begins: just after the last '.', '?' or '!' before it. */
function sentenceStartBefore(text: string, at: number): number {
  for (let i = at - 1; i >= 0; i--) if (text[i] === '.' || text[i] === '?' || text[i] === '!') return i + 1;
  return 0;
}

/** Quotes of one article's text units, with the entity key of their speaker where one is found. */
export function findQuotes(units: readonly string[], mentions: readonly Resolved[]): FoundQuote[] {
  const peopleByUnit = new Map<number, Resolved[]>();
  for (const m of mentions) {
    if (m.kind !== 'person') continue;
    const list = peopleByUnit.get(m.unit);
    if (list) list.push(m);
    else peopleByUnit.set(m.unit, [m]);
  }
  const quotes: FoundQuote[] = [];
  let lastSpeaker: string | null = null;
  let lastSpeakerUnit = -1;
  let lastPerson: string | null = null;
  let runOn: FoundQuote | null = null;

  for (let unit = FIRST_BODY_UNIT; unit < units.length; unit++) {
    const text = units[unit] ?? '';
    const people = (peopleByUnit.get(unit) ?? []).sort((a, b) => a.start - b.start);
    const spans = quoteSpans(text, unit);
    let previousEnd = 0;
    let attributedHere = false;
    spans.forEach((span, index) => {
      // A quote left open in the last paragraph goes on here.
      if (index === 0 && span.start === 0 && runOn !== null) {
        runOn.text = `${runOn.text} ${span.text}`;
        if (!span.open) runOn = null;
        previousEnd = span.end;
        return;
      }
      const nextStart = spans[index + 1]?.start ?? text.length;
      const after = marked(text, span.end, nextStart, people);
      const sentenceStart = Math.max(previousEnd, sentenceStartBefore(text, span.start));
      const before = marked(text, sentenceStart, span.start, people);
      let speaker: string | null = null;
      let attribution: FoundQuote['attribution'] = null;
      for (const pattern of AFTER_NAMED) {
        const match = pattern.exec(after);
        if (match) {
          speaker = people[Number(match[1])]?.key ?? null;
          break;
        }
      }
      if (speaker === null) {
        const match = BEFORE_NAMED.exec(before);
        if (match) speaker = people[Number(match[1])]?.key ?? null;
      }
      if (speaker !== null) attribution = 'named';
      else {
        const carried = AFTER_CARRIED.test(after) || BEFORE_CARRIED.test(before);
        // A quote with nothing said of it, after a quote with a speaker in this paragraph or a whole
        // paragraph quoted after a paragraph that named a speaker, is that speaker's.
        const follows = attributedHere || (span.start === 0 && span.end >= text.length - 1 && lastSpeakerUnit === unit - 1);
        if ((carried || follows) && (lastSpeaker ?? lastPerson) !== null) {
          speaker = carried ? (lastSpeaker ?? lastPerson) : lastSpeaker;
          attribution = speaker === null ? null : 'carried';
        }
      }
      previousEnd = span.end;
      const quote: FoundQuote = { text: span.text, speaker, attribution, unit };
      if (span.open) runOn = quote;
      if (!hasWordsWithLetters(span.text, MIN_QUOTE_WORDS)) return;
      quotes.push(quote);
      if (speaker !== null) {
        lastSpeaker = speaker;
        lastSpeakerUnit = unit;
        attributedHere = true;
      }
    });
    // A paragraph that names a person beside a verb of saying, without quoting: its (last such) person may be quoted next.
    let lastSaying: Resolved | undefined;
    if (spans.length === 0) for (let i = people.length - 1; i >= 0 && lastSaying === undefined; i--) if (SAID_AFTER.test(text.slice(people[i]!.end))) lastSaying = people[i];
    if (lastSaying) {
      lastSpeaker = lastSaying.key;
      lastSpeakerUnit = unit;
    }
    if (people.length > 0) lastPerson = people.at(-1)?.key ?? lastPerson;
  }
  return quotes;
}

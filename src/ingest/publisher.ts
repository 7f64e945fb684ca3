// The outlet behind a URL host, by general rules: the host letters written as a name in the text
// ("9to5mac.com" -> "9to5Mac"), else the host split into English words ("themoscowtimes" -> "The Moscow Times").
import WordsNinja from 'wordsninja';
import { HOST_PADDING_WORDS, HOST_SEGMENT_SHORT_WORDS } from './patterns.ts';
import { memoise } from '../memoise.ts';
import { computeLetterKey, letterKey, toTitleCase } from './text.ts';
import { normaliseHost } from './catalogue.ts';

/** Second-level labels of country domains ("co.uk", "com.au"): the name is the label before them. */
const SECOND_LEVEL_LABEL = /^(?:co|com|org|net|ac|gov|edu|gob|nic|ne|or)$/;

/** Host of an http(s) URL without `www.`, or null. */
export function hostOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
    return normaliseHost(parsed.hostname);
  } catch {
    return null;
  }
}

/** The label that names the site: 'themoscowtimes' for 'themoscowtimes.com', 'telegraph' for 'telegraph.co.uk'. */
export function siteLabel(host: string): string | null {
  const labels = host.split('.').filter((label) => label !== '');
  if (labels.length < 2) return labels[0] ?? null;
  labels.pop();
  if (labels.length >= 2 && SECOND_LEVEL_LABEL.test(labels[labels.length - 1]!)) labels.pop();
  return labels[labels.length - 1] ?? null;
}

/**
 * A phrase of the text whose letters are the site label's ("The Moscow Times" for 'themoscowtimes'),
 * as written there. Phrases of 1–5 words are tried; names written with capitals win.
 */
export function findHostNameInText(label: string, text: string): string | null {
  const key = letterKey(label);
  if (key.length < 3) return null;
  // A phrase's key is a stretch of the whole text's key (separators have no letters): without the label's
  // letters there, no phrase can match.
  if (!computeLetterKey(text).includes(key)) return null;
  const tokens = text.split(/[\s|•·/]+/).filter((token) => token !== '');
  let best: string | null = null;
  for (let start = 0; start < tokens.length; start++) {
    let joined = '';
    for (let end = start; end < Math.min(tokens.length, start + 5); end++) {
      joined += letterKey(tokens[end]!);
      if (joined.length > key.length + 4) break;
      if (joined === key || joined === `${key}com`) {
        const phrase = tokens
          .slice(start, end + 1)
          .join(' ')
          .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}!]+$/gu, '')
          .replace(/['’]s$/, '');
        if (/\p{Lu}|\d/u.test(phrase.charAt(0))) return phrase;
        best ??= phrase;
      }
    }
  }
  return best !== null && /\p{Lu}/u.test(best) ? best : null;
}

let ninja: WordsNinja | null = null;

/** 'themoscowtimes' -> 'The Moscow Times'; null when the split does not read as words. */
// An archive has few sites and many articles from each: a label is split once.
export const segmentHostLabel = memoise(splitHostLabel, 1024);

function splitHostLabel(label: string): string | null {
  if (!/^[a-z]+$/.test(label) || label.length < 4) return null;
  if (ninja === null) {
    ninja = new WordsNinja();
    // loadDictionary fills the dictionary synchronously (the promise only reports it).
    void ninja.loadDictionary();
  }
  const parts = ninja.splitSentence(label);
  if (parts.length === 0 || parts.length > 4) return null;
  if (!parts.every((part) => part.length >= 3 || HOST_SEGMENT_SHORT_WORDS.has(part))) return null;
  const name = toTitleCase(parts.join(' ')).replace(HOST_PADDING_WORDS, '');
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/**
 * A host label that does not split into words, as a name: short or vowel-less labels are
 * initials ('wsj' -> 'WSJ'), others are capitalised ('zorbix' -> 'Zorbix'). A low-confidence guess.
 */
export function nameFromLabel(label: string): string | null {
  if (!/^[a-z][a-z0-9]*$/.test(label) || label.length < 2) return null;
  if (label.length <= 3 || (label.length <= 5 && !/[aeiouy]/.test(label))) return label.toUpperCase();
  return label.charAt(0).toUpperCase() + label.slice(1);
}

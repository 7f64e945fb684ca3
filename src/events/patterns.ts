// Every regex and phrase list of the events step, named by concept (as src/ingest/patterns.ts does).

const MONTH = 'Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?';
const WEEKDAY_NAME = 'Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday';
const ORDINAL = '(?:st|nd|rd|th)?';

/** Weekday names in getDay() order (0 = Sunday). */
export const WEEKDAYS = WEEKDAY_NAME.split('|');

/** 'March 19', 'on Mar. 19th' with no year after it. */
export const MONTH_DAY = new RegExp(`\\b(${MONTH})\\.?\\s+(\\d{1,2})${ORDINAL}\\b(?!,?\\s*\\d)`, 'g');
/** '19 March', '19th of March' with no year after it. */
export const DAY_MONTH = new RegExp(`\\b(\\d{1,2})${ORDINAL}\\s+(?:of\\s+)?(${MONTH})\\b(?!\\.?,?\\s*\\d)`, 'g');

/** 'on Tuesday', 'last Friday', 'next Monday', 'Tuesday's talks'. Group 1: the modifier; group 2: the day. */
export const WEEKDAY_MENTION = new RegExp(`\\b(?:(last|next|this|coming|past|on)\\s+)?(${WEEKDAY_NAME})(?:['’]s)?\\b`, 'g');
/** 'yesterday', 'today', 'tomorrow' and their compounds. */
export const RELATIVE_DAY = /\b(the day before yesterday|the day after tomorrow|yesterday|today|tonight|tomorrow)\b/gi;
/** 'last week', 'next month', 'this weekend'. */
export const RELATIVE_SPAN = /\b(last|next|this|past|coming)\s+(week|weekend|month|year)\b/gi;

/** Words before a date that make it look ahead. Only the clause before the date is read. */
export const FUTURE_CUE = /\b(?:will|shall|is to|are to|is due|are due|due to|plans? to|planned|scheduled|expected to|set to|going to|upcoming|ahead of)\b|['’]ll\b/gi;
/** Words before a date that make it look back: reporting verbs and simple past forms. */
export const PAST_CUE = /\b(?:said|says|told|was|were|had|did|met|held|began|went|came|took|gave|spoke|[a-z]+ed)\b/g;
/** Where a clause starts (the tense of a date is read from there to the date). */
export const CLAUSE_BREAK = /[.!?;:\n]|,\s+(?:but|and|while|whereas)\s/g;

/** Words that name a meeting, mapped to the noun a label uses. */
export const EVENT_WORDS: Record<string, string> = {
  talk: 'talks', talks: 'talks', discuss: 'talks', discussed: 'talks', discussion: 'talks', discussions: 'talks',
  negotiation: 'talks', negotiations: 'talks', consultations: 'talks',
  meet: 'meeting', meets: 'meeting', met: 'meeting', meeting: 'meeting',
  visit: 'visit', visits: 'visit', visited: 'visit', delegation: 'visit',
  summit: 'summit', conference: 'conference', call: 'call', called: 'call',
};
const EVENT_WORD = Object.keys(EVENT_WORDS).join('|');
/** A place name: one to three capitalised words, e.g. 'Rome', 'Buenos Aires'. */
const PLACE_NAME = "\\p{Lu}[\\p{L}'’-]+(?:\\s+\\p{Lu}[\\p{L}'’-]+){0,2}";

/** 'talks in Rome', 'met Tuesday in Sochi'. Group 1: the event word; group 2: the place. */
export const EVENT_IN_PLACE = new RegExp(`\\b(${EVENT_WORD})\\b(?:\\s+[\\p{L}'’-]+){0,3}?\\s+in\\s+(${PLACE_NAME})`, 'gu');
/** 'the Sochi meeting', 'the Rome talks'. Group 1: the place; group 2: the event word. */
export const PLACE_EVENT = new RegExp(`\\b(?:at|in|after|before|during)\\s+the\\s+(${PLACE_NAME})\\s+(${EVENT_WORD})\\b`, 'gu');
/** An event word anywhere (the label's noun when no place is named). */
export const EVENT_WORD_ANY = new RegExp(`\\b(${EVENT_WORD})\\b`, 'giu');
/** A name after 'in', 'at', 'from' and the like names a place, not a person. Group 1: the name. */
export const PLACE_CUE = new RegExp(`\\b(?:in|at|from|within|across|near|visited)\\s+(?:the\\s+)?(${PLACE_NAME})`, 'gu');
/** 'Abrams said', 'Maduro has insisted', 'quoted Ryabkov as saying': a name that speaks is a person or a body. */
export const SPEAKER_BEFORE_VERB = /(\p{Lu}[\p{L}'’-]+)(?:\s+(?:also|has|had|have|then|later|again))?\s+(?:said|says|told|added|asserted|stated|warned|insisted|maintained|argued|noted|reiterated|condemned|replied)\b/gu;
export const SPEAKER_QUOTED = /\bquoted\s+(?:\p{Lu}[\p{L}'’.-]+\s+)*(\p{Lu}[\p{L}'’-]+)\s+as\s+saying\b/gu;

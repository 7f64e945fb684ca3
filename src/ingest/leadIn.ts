// The lead-in of a first paragraph: "HAVANA TIMES – …", "WASHINGTON (Reuters) — …",
// "Mexico City, Mexico, March 7, 2022 ( – …". It names the outlet or the place, never the story.
import { findFullDate, type FoundDate } from './dates.ts';
import { LEAD_IN_AGENCY, LEAD_IN_ALL_CAPS, LEAD_IN_PLACE, OUTLET_NAME_WORDS } from './patterns.ts';
import { collapseSpaces, toTitleCase } from './text.ts';

export interface LeadIn {
  /** `outlet` when the lead-in names a publication, `place` for a dateline. */
  kind: 'outlet' | 'place';
  /** The outlet or place, title-cased when it was written in capitals. */
  name: string;
  /** A news agency in parentheses: "WASHINGTON (Reuters) —". */
  agency: string | null;
  date: FoundDate | null;
  /** The lead-in as written, dash included. */
  prefix: string;
  /** The paragraph without its lead-in. */
  rest: string;
  rule: 'lead-in/all-caps' | 'lead-in/place';
}

export function splitLeadIn(paragraph: string): LeadIn | null {
  const caps = LEAD_IN_ALL_CAPS.exec(paragraph);
  if (caps !== null && caps[1] !== undefined) {
    const written = collapseSpaces(caps[1].replace(/[,.]$/, ''));
    const agency = LEAD_IN_AGENCY.exec(caps[0])?.[1] ?? null;
    return {
      kind: OUTLET_NAME_WORDS.test(written) ? 'outlet' : 'place',
      name: toTitleCase(written),
      agency,
      date: null,
      prefix: caps[0],
      rest: paragraph.slice(caps[0].length),
      rule: 'lead-in/all-caps',
    };
  }
  const place = LEAD_IN_PLACE.exec(paragraph);
  if (place !== null && place[1] !== undefined) {
    const agency = LEAD_IN_AGENCY.exec(place[0].slice(place[1].length))?.[1] ?? null;
    const dateText = place[2];
    // A single capitalised word before a dash is as likely a sentence ("Apple — the company …").
    if (dateText === undefined && agency === null && !place[1].includes(',')) return null;
    return {
      kind: 'place',
      name: collapseSpaces(place[1]),
      agency,
      date: dateText === undefined ? null : findFullDate(dateText),
      prefix: place[0],
      rest: paragraph.slice(place[0].length),
      rule: 'lead-in/place',
    };
  }
  return null;
}

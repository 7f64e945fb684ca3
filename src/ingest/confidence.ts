// How far each extracted value can be trusted, from the rule that decided it: one table, first match wins.
// 'high': the file or its owner declared it (front matter, catalogue, the page's own metadata) or a rule
// that rarely errs read it; 'medium': a clear heuristic; 'low': a guess the owner should check.
import type { Confidence, FieldProvenance, Provenance } from '../types.ts';

export const CONFIDENCE_BY_RULE: ReadonlyArray<readonly [RegExp, Confidence, string]> = [
  [/\/(?:front-matter|catalogue)$/, 'high', 'curated by the owner'],
  [/\/(?:json-ld|meta-[a-z-]+|canonical|html-lang)$/, 'high', "the page's own metadata"],
  [/^url\/original-url$/, 'high', 'an `Original url:` line'],
  [/^date\/labelled-line$/, 'high', "a line that says 'Published' beside the date"],
  [/^authors\/byline(?:-after-by)?$/, 'high', "a 'By …' line"],
  [/^publisher\/(?:lead-in|catalogue-host)$/, 'high', "the outlet's lead-in ('HAVANA TIMES –') or a catalogued host"],
  [/^publisher\/(?:url-host-words|url-host-label|frequent-host)$/, 'low', 'read off a host name'],
  [/^date\/near-headline$/, 'low', 'a date somewhere near the headline'],
  [/^title\/html-title$/, 'low', "the browser tab's title, site name and all"],
  [/^language\/default$/, 'low', 'too little text to tell'],
];

/** Confidence of a value decided by a rule not in the table: a guess when inferred, else a heuristic. */
function fallback(provenance: FieldProvenance): Confidence {
  if (provenance.origin === 'front-matter' || provenance.origin === 'catalogue') return 'high';
  return provenance.origin === 'inferred' ? 'low' : 'medium';
}

/**
 * Confidence by origin, then rule, as found: the rules are the code's own few dozen names, so the table's
 * expressions are tried once per rule, not for every field of every article.
 */
const CONFIDENCE_BY_ORIGIN = new Map<FieldProvenance['origin'], Map<string, Confidence>>();

export function confidenceOf(provenance: FieldProvenance): Confidence {
  let byRule = CONFIDENCE_BY_ORIGIN.get(provenance.origin);
  if (byRule === undefined) {
    byRule = new Map();
    CONFIDENCE_BY_ORIGIN.set(provenance.origin, byRule);
  }
  let confidence = byRule.get(provenance.rule);
  if (confidence === undefined) {
    confidence = CONFIDENCE_BY_RULE.find(([rule]) => rule.test(provenance.rule))?.[1] ?? fallback(provenance);
    byRule.set(provenance.rule, confidence);
  }
  return confidence;
}

/** Every provenance entry with its confidence filled in, in the same order. */
export function withConfidence(provenance: Provenance): Provenance {
  const rated: Provenance = {};
  for (const field of Object.keys(provenance) as (keyof Provenance)[]) {
    const source = provenance[field]!;
    rated[field] = { ...source, confidence: confidenceOf(source) };
  }
  return rated;
}

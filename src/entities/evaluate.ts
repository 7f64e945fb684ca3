// Precision and recall of found entities against a hand-labelled list, per kind and overall. Names are
// compared folded (accents, case and full stops do not count); 'either' names count neither way.
import type { EntityKind } from '../types.ts';
import { foldName } from './text.ts';

export interface LabelledArticle {
  person: string[];
  organization: string[];
  place: string[];
  either?: string[];
}

export interface Score {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  f1: number;
  /** Found but not labelled, and labelled but not found, as 'kind:name'. */
  wrong: string[];
  missed: string[];
}

const KINDS: EntityKind[] = ['person', 'organization', 'place'];

/** `found` per article: the names of each kind; articles are matched by key. */
export function scoreEntities(
  truth: Record<string, LabelledArticle>,
  found: Record<string, Record<EntityKind, string[]>>,
): Score {
  let tp = 0;
  const wrong: string[] = [];
  const missed: string[] = [];
  for (const [file, labelled] of Object.entries(truth)) {
    const either = new Set((labelled.either ?? []).map(foldName));
    for (const kind of KINDS) {
      const expected = new Set(labelled[kind].map(foldName));
      const got = new Set((found[file]?.[kind] ?? []).map(foldName));
      for (const name of got) {
        if (expected.has(name)) tp += 1;
        else if (!either.has(name)) wrong.push(`${file} ${kind}:${name}`);
      }
      for (const name of expected) if (!got.has(name)) missed.push(`${file} ${kind}:${name}`);
    }
  }
  const precision = tp + wrong.length === 0 ? 0 : tp / (tp + wrong.length);
  const recall = tp + missed.length === 0 ? 0 : tp / (tp + missed.length);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { truePositives: tp, falsePositives: wrong.length, falseNegatives: missed.length, precision, recall, f1, wrong, missed };
}

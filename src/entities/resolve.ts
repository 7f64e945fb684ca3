// From the candidates of every article to merged entities. Every lookup goes through a map keyed by a
// folded name or surname, so the work grows with the number of mentions, never with the square of the
// archive: kinds are voted per folded name, lone surnames are resolved against the people of the same
// article (then against the archive when only one person has that surname), and close spellings are
// compared only within one surname's bucket.
import type { EntityCorrections, EntityKind } from '../types.ts';
import type { Candidate } from './mentions.ts';
import { editDistance, foldName } from './text.ts';

/** A candidate once its entity is known. */
export interface Resolved {
  kind: EntityKind;
  /** Key of the merged entity: kind + folded canonical name. */
  key: string;
  unit: number;
  start: number;
  end: number;
  /** The name as written, after titles were taken off. */
  surface: string;
}

export interface Cluster {
  key: string;
  kind: EntityKind;
  name: string;
  /** Spellings written out in full, and in how many articles each. */
  variants: Map<string, Set<number>>;
  mentions: number;
}

export interface Resolution {
  clusters: Map<string, Cluster>;
  /** Per article, in the order of the candidates. */
  mentions: Resolved[][];
}

const EVIDENCE_WEIGHT = { strong: 3, weak: 1 } as const;
const KINDS: EntityKind[] = ['person', 'organization', 'place'];
const keyOf = (kind: EntityKind, folded: string): string => `${kind}:${folded}`;
const NOT_MARKS = /[^\p{M}]/gu;
const diacritics = (name: string): number => name.normalize('NFD').replace(NOT_MARKS, '').length;

/** The spelling to show: accents kept (they are lost far more often than added), then the most frequent. */
function bestSpelling(variants: Map<string, Set<number>>): string {
  return [...variants].sort(
    ([a, ca], [b, cb]) => diacritics(b) - diacritics(a) || cb.size - ca.size || b.length - a.length || (a < b ? -1 : a > b ? 1 : 0),
  )[0]?.[0] ?? '';
}

/** In how many articles the entity's name is written out in full. */
const writtenIn = (cluster: Cluster): number => new Set([...cluster.variants.values()].flatMap((s) => [...s])).size;

export function resolveEntities(candidatesByArticle: Candidate[][], corrections: EntityCorrections): Resolution {
  const ignored = new Set(corrections.ignore.map(foldName));
  const kept = new Set(corrections.split.map(foldName));
  const mergeTo = new Map(Object.entries(corrections.merge).map(([variant, canonical]) => [foldName(variant), canonical]));
  // Without merges in the catalogue (the common case) a name is its own: no look-up.
  const rename = (name: string): string => (mergeTo.size === 0 ? name : (mergeTo.get(foldName(name)) ?? name));
  // Each candidate's name after the catalogue's merges, and that folded: found once, read by every step below.
  const renamedOf = candidatesByArticle.map((candidates) => candidates.map((c) => rename(c.name)));
  const foldedOf = renamedOf.map((names) => names.map(foldName));
  // The words of each folded name, split once per name rather than once per mention.
  const tokens = new Map<string, string[]>();
  const tokensOf = (folded: string): string[] => {
    let words = tokens.get(folded);
    if (words === undefined) {
      words = folded.split(' ').filter((t) => t !== '');
      tokens.set(folded, words);
    }
    return words;
  };

  // 1. Kinds voted per folded name across the archive: a name the rules are sure of somewhere decides elsewhere.
  const votes = new Map<string, Record<EntityKind, number>>();
  candidatesByArticle.forEach((candidates, article) => {
    candidates.forEach((c, order) => {
      if (c.kind === null) return;
      const folded = foldedOf[article]![order]!;
      const tally = votes.get(folded) ?? { person: 0, organization: 0, place: 0 };
      tally[c.kind] += EVIDENCE_WEIGHT[c.evidence];
      votes.set(folded, tally);
    });
  });
  const winners = new Map<string, EntityKind | null>();
  const voted = (folded: string): EntityKind | null => {
    let winner = winners.get(folded);
    if (winner === undefined) {
      const tally = votes.get(folded);
      const best = tally ? ([...KINDS].sort((a, b) => tally[b] - tally[a])[0] as EntityKind) : undefined;
      winner = tally && best && tally[best] > 0 ? best : null;
      winners.set(folded, winner);
    }
    return winner;
  };
  /** The candidate's kind: its own when the rule was sure, else the archive's vote on its (folded) name. */
  const kindOf = (c: Candidate, folded: string): EntityKind | null => (c.evidence === 'strong' ? c.kind : (voted(folded) ?? c.kind));

  // 2. People with full names, and an index from each surname (every word but the first) to them.
  const surnameIndex = new Map<string, Map<string, string>>();
  const fullNames = candidatesByArticle.map((candidates, article) =>
    candidates.flatMap((c, order) => {
      const folded = foldedOf[article]![order]!;
      if (kindOf(c, folded) !== 'person' || tokensOf(folded).length < 2 || ignored.has(folded)) return [];
      const name = renamedOf[article]![order]!;
      for (const surname of tokensOf(folded).slice(1)) {
        const names = surnameIndex.get(surname) ?? new Map<string, string>();
        names.set(folded, name);
        surnameIndex.set(surname, names);
      }
      return [{ folded, name, order }];
    }),
  );

  // 3. Every candidate to a kind and a folded name; lone surnames to the person they stand for.
  const clusters = new Map<string, Cluster>();
  // Clusters also by kind and folded name: a look-up by the folded name (a string met before) needs no key made per mention.
  const byKind: Record<EntityKind, Map<string, Cluster>> = { person: new Map(), organization: new Map(), place: new Map() };
  const add = (kind: EntityKind, name: string, folded: string, written: string | null, article: number): string => {
    let cluster = byKind[kind].get(folded);
    if (cluster === undefined) {
      const key = keyOf(kind, folded);
      cluster = { key, kind, name, variants: new Map<string, Set<number>>(), mentions: 0 };
      byKind[kind].set(folded, cluster);
      clusters.set(key, cluster);
    }
    if (written !== null) {
      const articles = cluster.variants.get(written);
      if (articles) articles.add(article);
      else cluster.variants.set(written, new Set([article]));
    }
    cluster.mentions += 1;
    return cluster.key;
  };
  const mentions = candidatesByArticle.map((candidates, article) => {
    // The article's full names by each of their surnames, in the order they are written.
    const peopleBySurname = new Map<string, Array<{ folded: string; name: string; order: number }>>();
    for (const person of fullNames[article] ?? []) {
      for (const surname of new Set(tokensOf(person.folded).slice(1))) {
        const list = peopleBySurname.get(surname);
        if (list) list.push(person);
        else peopleBySurname.set(surname, [person]);
      }
    }
    const resolved: Resolved[] = [];
    candidates.forEach((c, order) => {
      const name = renamedOf[article]![order]!;
      const folded = foldedOf[article]![order]!;
      if (ignored.has(folded) || folded === '') return;
      let kind = kindOf(c, folded);
      let target = name;
      if (tokensOf(folded).length === 1 && (c.evidence === 'weak' || kind === 'person') && !kept.has(folded)) {
        // The nearest earlier full name of the article with this surname, else the first later one.
        const inArticle = peopleBySurname.get(folded) ?? [];
        const earlier = inArticle.filter((p) => p.order < order).at(-1);
        const chosen = earlier ?? inArticle[0];
        const inArchive = surnameIndex.get(folded);
        if (chosen) {
          kind = 'person';
          target = chosen.name;
        } else if ((kind === null || kind === 'person') && inArchive?.size === 1) {
          kind = 'person';
          target = [...inArchive.values()][0] as string;
        }
      }
      if (kind === null) return;
      const key = add(kind, target, target === name ? folded : foldName(target), target === name ? c.name : null, article);
      resolved.push({ kind, key, unit: c.unit, start: c.start, end: c.end, surface: c.name });
    });
    return resolved;
  });

  // The catalogue's spelling wins; else the best of the spellings written out.
  const canonical = new Map([...mergeTo.values()].map((name) => [foldName(name), name]));
  for (const cluster of clusters.values()) {
    cluster.name = canonical.get(foldName(cluster.name)) ?? (cluster.variants.size > 0 ? bestSpelling(cluster.variants) : cluster.name);
  }

  // 4. Close spellings of one person ('Elliot'/'Elliott Abrams'): same surname bucket, same other words,
  // first names one edit apart; merged only when exactly one other spelling is that close.
  const buckets = new Map<string, Cluster[]>();
  for (const cluster of clusters.values()) {
    const tokens = tokensOf(foldName(cluster.name));
    if (cluster.kind !== 'person' || tokens.length < 2 || kept.has(foldName(cluster.name))) continue;
    const bucket = buckets.get(tokens.slice(1).join(' ')) ?? [];
    bucket.push(cluster);
    buckets.set(tokens.slice(1).join(' '), bucket);
  }
  const mergedInto = new Map<string, string>();
  for (const bucket of buckets.values()) {
    if (bucket.length < 2) continue;
    const first = (c: Cluster): string => tokensOf(foldName(c.name))[0] ?? '';
    for (const cluster of bucket) {
      const close = bucket.filter((o) => o !== cluster && Math.min(first(o).length, first(cluster).length) >= 4 && editDistance(first(o), first(cluster), 1) <= 1);
      const other = close[0];
      if (close.length !== 1 || !other) continue;
      const otherClose = bucket.filter((o) => o !== other && editDistance(first(o), first(other), 1) <= 1 && Math.min(first(o).length, first(other).length) >= 4);
      if (otherClose.length !== 1) continue;
      // The spelling found more often wins; on a tie the longer (a letter is dropped more often than added).
      const winner =
        writtenIn(other) - writtenIn(cluster) || other.name.length - cluster.name.length || (other.name < cluster.name ? 1 : -1);
      if (winner > 0 && !mergedInto.has(other.key)) mergedInto.set(cluster.key, other.key);
    }
  }
  for (const [from, to] of mergedInto) {
    const source = clusters.get(from);
    const target = clusters.get(to);
    if (!source || !target) continue;
    for (const [variant, articles] of source.variants) target.variants.set(variant, new Set([...(target.variants.get(variant) ?? []), ...articles]));
    target.mentions += source.mentions;
    clusters.delete(from);
  }
  // The mentions were made here: set their keys in place rather than copy every one.
  if (mergedInto.size > 0) for (const list of mentions) for (const m of list) m.key = mergedInto.get(m.key) ?? m.key;
  return { clusters, mentions };
}

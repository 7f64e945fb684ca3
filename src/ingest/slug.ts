// Slugs: the one path segment under /articles/ where an article's page is written. Made from the
// headline, or taken from a front-matter `slug:`/`permalink:` only when that names one safe segment.

const SLUG_MAX_CHARS = 80;

/** Readable, stable slug: 'U.S.-Russia Talks on Venezuela' -> 'us-russia-talks-on-venezuela'. Only [a-z0-9-]. */
export function slugify(title: string): string {
  const base = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/(\p{L})[.'’](?=\p{L})/gu, '$1')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (base.length <= SLUG_MAX_CHARS) return base === '' ? 'article' : base;
  const cut = base.slice(0, SLUG_MAX_CHARS);
  const lastDash = cut.lastIndexOf('-');
  return lastDash > 20 ? cut.slice(0, lastDash) : cut;
}

/** A slug as the site writes it: lower-case letters and digits in dash-separated runs. */
export const SAFE_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export type SlugCheck = { ok: true; slug: string; changed: boolean } | { ok: false; why: string };

/**
 * A front-matter `slug:` or `permalink:` value -> a safe slug, or why it was refused. Accepts 'my-story',
 * '/articles/my-story/' and '/articles/my-story/index.html'; refuses anything that climbs out of its
 * folder ('..', also percent-encoded), uses backslashes or a drive, or names more than one folder.
 */
export function checkSlugValue(raw: unknown): SlugCheck {
  if (typeof raw !== 'string' || raw.trim() === '') return { ok: false, why: 'must be a non-empty text' };
  let value = raw.trim();
  // Decode percent-escapes until nothing changes, so '%2e%2e%2f' is judged as the '../' it means.
  for (let round = 0; round < 4; round++) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(value);
    } catch {
      return { ok: false, why: 'holds a malformed percent-escape' };
    }
    if (decoded === value) break;
    value = decoded;
  }
  if (value.includes('\\')) return { ok: false, why: 'holds a backslash' };
  if (/^[a-z]:/i.test(value) || value.startsWith('//')) return { ok: false, why: 'is a drive or network path' };
  if (/[\u0000-\u001f]/.test(value)) return { ok: false, why: 'holds control characters' };
  const segments = value.split('/');
  if (segments.some((segment) => segment === '..' || segment === '.')) return { ok: false, why: "climbs out of its folder ('..')" };
  const parts = segments.filter((segment) => segment !== '');
  if (parts[0] === 'articles') parts.shift();
  if (parts.length > 0 && /^index\.html?$/.test(parts[parts.length - 1]!)) parts.pop();
  if (parts.length !== 1) return { ok: false, why: 'must name one page under /articles/, not a path' };
  const slug = slugify(parts[0]!);
  return { ok: true, slug, changed: slug !== parts[0] };
}

/** What assignUniqueSlugs needs to know of an article. */
export interface SlugClaim {
  sourceFile: string;
  sha256: string;
  /** 'YYYY-MM-DD' or null. */
  published: string | null;
  /** The slug it asks for: the headline's, or one pinned in front matter or catalogue.yaml. */
  slug: string;
  /** True when the owner pinned the slug (front matter or catalogue `slug:`). */
  pinned: boolean;
}

export interface SlugCollision {
  /** The file whose page moved off the shared slug. */
  file: string;
  /** The file that keeps the shared slug. */
  keeper: string;
  shared: string;
  /** Where the moved file's page now lives. */
  slug: string;
}

/**
 * Makes slugs unique without depending on the order files were listed. Within a group asking for one
 * slug, a pinned claim keeps it, else the earliest (by date, undated last, then source file); every other
 * member gets a suffix of its own, its date or else the start of its sha256, never a counter, so a
 * member's new slug does not depend on how many others there are.
 *
 * No rule that reads only the current files can keep every slug when an article is added: {A} gives A the
 * plain slug, {B} gives it to B, and {A, B} can give it to only one of them. So every collision is
 * reported (slug/collision), and a pinned `slug:` is the memory that makes a page's address permanent.
 */
export function assignUniqueSlugs(claims: readonly SlugClaim[]): { slugs: Map<string, string>; collisions: SlugCollision[] } {
  const slugs = new Map<string, string>();
  const collisions: SlugCollision[] = [];
  const groups = new Map<string, SlugClaim[]>();
  for (const claim of claims) groups.set(claim.slug, [...(groups.get(claim.slug) ?? []), claim]);
  const taken = new Set(groups.keys());
  for (const [slug, group] of [...groups.entries()].sort(([a], [b]) => compareText(a, b))) {
    group.sort(
      (a, b) =>
        Number(b.pinned) - Number(a.pinned) ||
        compareText(a.published ?? '9999', b.published ?? '9999') ||
        compareText(a.sourceFile, b.sourceFile),
    );
    const keeper = group[0]!;
    slugs.set(keeper.sourceFile, slug);
    for (const claim of group.slice(1)) {
      const candidates = [
        ...(claim.published === null ? [] : [`${slug}-${claim.published}`]),
        `${slug}-${claim.sha256.slice(0, 8)}`,
        `${slug}-${claim.sha256}`,
      ];
      const unique = candidates.find((candidate) => !taken.has(candidate)) ?? `${slug}-${claim.sha256}`;
      taken.add(unique);
      slugs.set(claim.sourceFile, unique);
      collisions.push({ file: claim.sourceFile, keeper: keeper.sourceFile, shared: slug, slug: unique });
    }
  }
  return { slugs, collisions };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

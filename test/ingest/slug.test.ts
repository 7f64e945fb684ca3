// Issue 3 §3: slugs stay put when articles are added; a collision is reported with the way to pin a slug.
import assert from 'node:assert/strict';
import { copyFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { parse, stringify } from 'yaml';
import { ingestFolder, parseCatalogue } from '../../src/ingest/index.ts';
import { assignUniqueSlugs, type SlugClaim } from '../../src/ingest/slug.ts';
import type { Archive } from '../../src/types.ts';

const SEEDS = join(import.meta.dirname, '..', '..', 'seeds');
const TODAY = '2025-06-01';
const LEDE = 'The harbour authority said on Monday that the northern pier will reopen to ferries next spring after repairs.';

const made: string[] = [];
after(async () => {
  for (const dir of made) await rm(dir, { recursive: true, force: true });
});

/** The seeds (their catalogue with `slug:` pinned per file as given) and extra files, in a new folder. */
async function seedsWith(extra: Record<string, string>, pins: Record<string, string> = {}): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'dossier-slug-'));
  made.push(dir);
  for (const name of await readdir(SEEDS)) await copyFile(join(SEEDS, name), join(dir, name));
  const catalogue = parse(await readFile(join(SEEDS, 'catalogue.yaml'), 'utf8')) as { articles: Record<string, Record<string, string>> };
  for (const [file, slug] of Object.entries(pins)) catalogue.articles[file] = { ...catalogue.articles[file], slug };
  await writeFile(join(dir, 'catalogue.yaml'), stringify(catalogue));
  for (const [name, text] of Object.entries(extra)) await writeFile(join(dir, name), text);
  return dir;
}

const slugOf = (archive: Archive, file: string): string | undefined => archive.articles.find((a) => a.sourceFile === file)?.slug;

describe('slugs when articles are added', () => {
  it('warns slug/collision on the file that moved, naming both files and how to pin either slug', async () => {
    const before = await ingestFolder(await seedsWith({}), { today: TODAY });
    const seed = before.articles.find((a) => a.published !== null)!;
    const earlier = `${seed.title}\n\nJanuary 2, 2001\n\n${LEDE}\n`;
    const afterAdding = await ingestFolder(await seedsWith({ 'backfilled.txt': earlier }), { today: TODAY });
    // The added article is earlier, so without a pin the seed moves to its dated slug and is told so.
    assert.equal(slugOf(afterAdding, 'backfilled.txt'), seed.slug);
    assert.equal(slugOf(afterAdding, seed.sourceFile), `${seed.slug}-${seed.published}`);
    const report = afterAdding.report.files.find((f) => f.file === seed.sourceFile)!;
    assert.equal(report.outcome, 'published-with-warnings');
    const collision = report.diagnostics.find((d) => d.ruleId === 'slug/collision');
    assert.ok(collision, 'the moved file carries slug/collision');
    assert.match(collision.reason, new RegExp(`${seed.sourceFile}.*backfilled\\.txt`));
    assert.match(collision.note ?? '', new RegExp(`slug: ${seed.slug}\``));
    assert.match(collision.note ?? '', /catalogue\.yaml/);
    assert.ok(afterAdding.articles.find((a) => a.sourceFile === seed.sourceFile)!.warnings.some((w) => w.includes('slug/collision')));
  });

  it('keeps every earlier slug when a same-headline, earlier-dated article is added and the slugs are pinned in the catalogue', async () => {
    const before = await ingestFolder(await seedsWith({}), { today: TODAY });
    const pins = Object.fromEntries(before.articles.map((a) => [a.sourceFile, a.slug]));
    const pinnedBefore = await ingestFolder(await seedsWith({}, pins), { today: TODAY });
    for (const article of before.articles) assert.equal(slugOf(pinnedBefore, article.sourceFile), article.slug, 'pinning changes nothing');
    const additions = Object.fromEntries(
      before.articles.map((a, i) => [`added-${i}.txt`, `${a.title}\n\nJanuary ${i + 2}, 2001\n\n${LEDE} ${i}\n`]),
    );
    const afterAdding = await ingestFolder(await seedsWith(additions, pins), { today: TODAY });
    for (const article of before.articles) assert.equal(slugOf(afterAdding, article.sourceFile), article.slug, article.sourceFile);
    for (const [i, article] of before.articles.entries()) {
      assert.equal(slugOf(afterAdding, `added-${i}.txt`), `${article.slug}-2001-01-0${i + 2}`);
    }
  });

  it('keeps every earlier slug, unpinned, when later-dated and undated same-headline articles are added', async () => {
    const before = await ingestFolder(await seedsWith({}), { today: TODAY });
    const dated = before.articles.filter((a) => a.published !== null);
    const additions = Object.fromEntries(
      dated.flatMap((a, i) => [
        [`later-${i}.txt`, `${a.title}\n\nMarch 3, 2024\n\n${LEDE} ${i}\n`],
        [`undated-${i}.txt`, `${a.title}\n\n${LEDE} ${i} undated\n`],
      ]),
    );
    const afterAdding = await ingestFolder(await seedsWith(additions), { today: TODAY });
    for (const article of before.articles) assert.equal(slugOf(afterAdding, article.sourceFile), article.slug, article.sourceFile);
  });
});

describe('assignUniqueSlugs', () => {
  const claim = (sourceFile: string, published: string | null, pinned = false, sha = sourceFile.repeat(8)): SlugClaim => ({
    sourceFile, sha256: sha, published, slug: 'pier', pinned,
  });
  it('gives each moved claim a suffix of its own (date, else hash), whatever the order of the claims', () => {
    const claims = [claim('a.txt', '2020-05-01'), claim('b.txt', '2021-06-03'), claim('c.txt', null, false, 'c0ffee12'.repeat(8))];
    const forward = assignUniqueSlugs(claims);
    const backward = assignUniqueSlugs([...claims].reverse());
    assert.deepEqual([...forward.slugs].sort(), [['a.txt', 'pier'], ['b.txt', 'pier-2021-06-03'], ['c.txt', 'pier-c0ffee12']]);
    assert.deepEqual([...backward.slugs].sort(), [...forward.slugs].sort());
    assert.deepEqual(forward.collisions.map((c) => [c.file, c.keeper]), [['b.txt', 'a.txt'], ['c.txt', 'a.txt']]);
  });
  it('lets a pinned claim keep the slug over an earlier one, and moves a same-day claim to its hash', () => {
    const result = assignUniqueSlugs([claim('old.txt', '2020-05-01'), claim('pinned.txt', '2021-06-03', true), claim('twin.txt', '2021-06-03', false, 'abcdef01'.repeat(8))]);
    assert.equal(result.slugs.get('pinned.txt'), 'pier');
    assert.equal(result.slugs.get('old.txt'), 'pier-2020-05-01');
    assert.equal(result.slugs.get('twin.txt'), 'pier-2021-06-03');
  });
});

describe('catalogue slug:', () => {
  it('reads a safe slug and refuses one that climbs out, with its line', () => {
    const { catalogue, diagnostics } = parseCatalogue('articles:\n  a.txt:\n    slug: /articles/Pier-Reopens/\n  b.txt:\n    slug: ../../etc\n');
    assert.equal(catalogue.articles['a.txt']?.slug, 'pier-reopens');
    assert.equal(catalogue.articles['b.txt']?.slug, undefined);
    assert.deepEqual(diagnostics.map((d) => [d.ruleId, d.line]), [['slug/unsafe', 5]]);
  });
});

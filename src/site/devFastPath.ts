// The dev server's fast path: after a save to one input file, re-ingest only that file and re-render
// only its article page (and citation files) from the site data kept in memory, in well under a second;
// the full rebuild that follows brings every other page (lists, timeline, entities, feeds, search) up
// to date and replaces the fast page with its own.
import { readdirSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import Eleventy from '@11ty/eleventy';
import { ingestText, loadCatalogue } from '../ingest/index.ts';
import { sha256Hex } from '../ingest/read.ts';
import type { Article, Catalogue, SiteArticle, SiteData } from '../types.ts';
import { FIELD_LABELS, provenanceRows } from './archiveData.ts';
import { citationFiles, type RenderedFile } from './articleFiles.ts';
import { articleCitation } from './citations.ts';
import { loadSite } from './loadSiteData.ts';
import { webUrl } from './markdown.ts';
import { articleSource, sourcePath } from './provenance.ts';
import { PROJECT_ROOT } from './render.ts';

/** What the dev server keeps between saves: the site data of the last full load and the catalogue. */
export interface DevState {
  seedsDir: string;
  base: string;
  today: string;
  site: SiteData;
  catalogue: Catalogue;
}

export async function loadDevState(seedsDir: string, where: { siteUrl: string; base: string }, today: string): Promise<DevState> {
  const [{ site }, { catalogue }] = await Promise.all([loadSite(seedsDir, where, { today }), loadCatalogue(seedsDir)]);
  return { seedsDir, base: where.base, today, site, catalogue };
}

/**
 * Facts of an article that decide something outside its own record: its address, its place in time
 * (neighbours, timeline, events), how other pages link and cite it (ArticleLink, citation keys) and the
 * captured related titles. An edit that changes one of them needs the full rebuild before its page is right.
 */
const SHARED_FIELDS = ['slug', 'title', 'published', 'datePrecision', 'publisher', 'authors', 'related'] as const satisfies ReadonlyArray<keyof Article>;

export type FastEdit = { ok: true; entry: SiteArticle } | { ok: false; reason: string };

/**
 * The new record of `file` (a path inside the input folder) after its bytes changed, or why only a full
 * rebuild can tell. Pure: the record is what the full build's ingest and site data would make of it,
 * except for what comes from comparing every article (related articles, entities, events), which stays
 * as the last full load found it until the full rebuild runs.
 */
export function editedEntry(state: DevState, file: string, bytes: Uint8Array): FastEdit {
  const index = state.site.articles.findIndex((s) => s.article.sourceFile === file);
  const old = state.site.articles[index];
  if (old === undefined) return { ok: false, reason: `${file} was not a published article (new, or skipped by the last build)` };
  const sha256 = sha256Hex(bytes);
  if (state.site.articles.some((s) => s !== old && s.article.sha256 === sha256)) return { ok: false, reason: `${file} now has the same bytes as another file` };
  const result = ingestText(file, bytes, state.catalogue, { today: state.today });
  const article = result.article;
  if (article === null) return { ok: false, reason: `${file} no longer makes an article` };
  // The folder ingest gives colliding slugs a suffix: only a slug nobody else claims is known to stay.
  const slug = old.article.slug;
  const collides = old.article.warnings.some((w) => w.includes('slug/collision')) || state.site.articles.some((s) => s.article.slug.startsWith(`${slug}-`));
  if (collides) return { ok: false, reason: `${file}'s address /articles/${slug}/ is shared with another file` };
  article.id = article.slug;
  const changed = SHARED_FIELDS.filter((field) => JSON.stringify(article[field]) !== JSON.stringify(old.article[field]));
  if (changed.length > 0) return { ok: false, reason: `${file}: ${changed.join(', ')} changed, which other pages show` };
  return {
    ok: true,
    entry: {
      ...old,
      article,
      provenance: provenanceRows(article),
      originalUrl: webUrl(article.url),
      citation: articleCitation(article, old.citation.csl['citation-key'], state.site.rootUrl),
      source: articleSource(article, FIELD_LABELS),
    },
  };
}

/** The templates written once per article; every other template is left out of a fast render. */
const PER_ARTICLE_TEMPLATE = /^(?:articles|article-provenance)\.njk$/;

const SILENT = { log: () => {}, info: () => {}, warn: () => {}, error: () => {} };

/** Renders one article's pages with Eleventy and the project's own config, and its citation files, as the full build does. */
export async function renderArticleFiles(state: DevState, entry: SiteArticle): Promise<RenderedFile[]> {
  const templates = join(PROJECT_ROOT, 'templates');
  const outDir = resolve('.dossier-fast-path'); // never written: toJSON only names the paths
  const eleventy = new Eleventy(relative(process.cwd(), templates) || '.', relative(process.cwd(), outDir), {
    configPath: relative(process.cwd(), join(PROJECT_ROOT, '.eleventy.ts')),
    pathPrefix: state.base,
    quietMode: true,
    config: (eleventyConfig) => {
      eleventyConfig.addGlobalData('dossier', { ...state.site, articles: [entry] });
      eleventyConfig.addGlobalData('searchMergeBundles', []);
      for (const name of readdirSync(templates)) {
        if (name.endsWith('.njk') && !PER_ARTICLE_TEMPLATE.test(name)) eleventyConfig.ignores.add(relative(process.cwd(), join(templates, name)));
      }
    },
  });
  eleventy.logger.overrideLogger(SILENT);
  const pages = await eleventy.toJSON();
  const rendered = pages.flatMap((page) => (typeof page.outputPath === 'string' ? [{ path: relative(outDir, resolve(page.outputPath)), content: page.content }] : []));
  return [...rendered, ...citationFiles(entry)];
}

/** Writes the rendered files and the article's source copy into the served folder. */
export async function writeArticleFiles(outDir: string, entry: SiteArticle, files: readonly RenderedFile[], bytes: Uint8Array): Promise<void> {
  for (const file of files) {
    const target = join(outDir, file.path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, file.content);
  }
  await writeFile(join(outDir, sourcePath(entry.article.slug)), bytes);
}

/** Keeps `entry` as the article's record, so the next save to any file starts from it. */
export function remember(state: DevState, entry: SiteArticle): void {
  state.site.articles = state.site.articles.map((s) => (s.article.sourceFile === entry.article.sourceFile ? entry : s));
}

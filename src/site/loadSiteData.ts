// The one impure step of the site: read the input folder (through src/ingest) and the catalogue's
// description of the archive, then hand both to the pure site-data functions.
import { performance } from 'node:perf_hooks';
import { ingestFolder, loadCatalogue, type FolderOptions } from '../ingest/index.ts';
import type { Archive, Catalogue, SiteData } from '../types.ts';
import { inTimeOrder, toSiteData, type SiteLocation } from './archiveData.ts';
import { citationItems, citationKeys } from './citations.ts';
import { referencesSource } from './referencesThread.ts';

/** Where `npm start` and the plain `eleventy` CLI find their inputs and think the site lives. */
export const DEFAULTS = { seedsDir: 'seeds', outDir: '_site', siteUrl: 'http://localhost:8080', base: '/' } as const;

export interface LoadedSite {
  archive: Archive;
  site: SiteData;
  /** Wall time of reading and ingesting the folder, in ms. */
  ingestMs: number;
}

/** Reads and ingests `seedsDir`, then makes its site data; `beforeSiteData` runs between the two. */
export async function loadSite(seedsDir: string, where: SiteLocation, ingest: FolderOptions = {}, beforeSiteData?: () => void): Promise<LoadedSite> {
  const started = performance.now();
  const [archive, { catalogue }] = await Promise.all([ingestFolder(seedsDir, ingest), loadCatalogue(seedsDir)]);
  const ingestMs = performance.now() - started;
  beforeSiteData?.();
  return { archive, site: siteDataOf(archive, catalogue, where), ingestMs };
}

/** toSiteData with the catalogue's description and corrections, the references formatted beside the rest (on a worker thread when the archive is large). */
export function siteDataOf(archive: Archive, catalogue: Pick<Catalogue, 'archive' | 'entities'>, where: SiteLocation): SiteData {
  const articles = inTimeOrder(archive.articles);
  const references = referencesSource(citationItems(articles, citationKeys(articles.map((a) => a.slug))));
  return toSiteData(archive, catalogue.archive, where, catalogue.entities, references);
}

// The one impure step of the site: read the input folder (through src/ingest) and the catalogue's
// description of the archive, then hand both to the pure site-data functions.
import { performance } from 'node:perf_hooks';
import { ingestFolder, loadCatalogue, type FolderOptions } from '../ingest/index.ts';
import type { Archive, SiteData } from '../types.ts';
import { toSiteData, type SiteLocation } from './archiveData.ts';

/** Where `npm start` and the plain `eleventy` CLI find their inputs and think the site lives. */
export const DEFAULTS = { seedsDir: 'seeds', outDir: '_site', siteUrl: 'http://localhost:8080', base: '/' } as const;

export interface LoadedSite {
  archive: Archive;
  site: SiteData;
  /** Wall time of reading and ingesting the folder, in ms. */
  ingestMs: number;
}

export async function loadSite(seedsDir: string, where: SiteLocation, ingest: FolderOptions = {}): Promise<LoadedSite> {
  const started = performance.now();
  const [archive, { catalogue }] = await Promise.all([ingestFolder(seedsDir, ingest), loadCatalogue(seedsDir)]);
  const ingestMs = performance.now() - started;
  return { archive, site: toSiteData(archive, catalogue.archive, where, catalogue.entities), ingestMs };
}

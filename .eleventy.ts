// Eleventy wiring for Dossier. Only wiring: parsing, date maths and site data live in src/.
// Runs through tsx: `tsx node_modules/.bin/eleventy --config=.eleventy.ts`, or from src/build.ts.
import type { UserConfig } from '@11ty/eleventy';
import { filtersPlugin } from './src/site/filters.ts';
import { nunjucksCompileCachePlugin } from './src/site/nunjucksCompileCache.ts';
import { nunjucksFrameSetPlugin } from './src/site/nunjucksFrameSet.ts';
import { searchFacets } from './src/site/searchFacets.ts';
import { minifyCssOnCopy } from './src/site/stylesheets.ts';
import { transformsPlugin } from './src/site/transforms.ts';
import type { SiteData } from './src/types.ts';

export default function (eleventyConfig: UserConfig): void {
  // data: `dossier`, the archive as site data (src/types.ts SiteData). src/build.ts hands in what it
  // ingested (and indexes for search itself); on its own, Eleventy ingests seeds/ on every build.
  const handedIn = 'dossier' in eleventyConfig.globalData;
  let standaloneSite: SiteData | null = null;
  if (!handedIn) {
    eleventyConfig.addGlobalData('dossier', async () => {
      const { loadSite, DEFAULTS } = await import('./src/site/loadSiteData.ts');
      standaloneSite = (await loadSite(DEFAULTS.seedsDir, { siteUrl: DEFAULTS.siteUrl, base: eleventyConfig.pathPrefix })).site;
      return standaloneSite;
    });
  }

  // collections: none is read (lists come from the site data), so no page is put in one: Eleventy would
  // sort and keep every page of every collection.
  eleventyConfig.addGlobalData('eleventyExcludeFromCollections', true);

  // passthrough: public/ (stylesheets, search script) is copied to the output root as it is, but for the
  // stylesheets, which are minified on the way (src/site/stylesheets.ts).
  eleventyConfig.addPassthroughCopy({ public: '/' }, { transform: minifyCssOnCopy });

  // watch: the inputs and the code that reads them; templates/ is watched already.
  eleventyConfig.addWatchTarget('seeds/');
  eleventyConfig.addWatchTarget('src/');

  // templates: input text is data, so Nunjucks escapes every output (only `| markdown | safe` is raw).
  eleventyConfig.setNunjucksEnvironmentOptions({ autoescape: true });

  // filters: one-line formatters (src/site/filters.ts).
  eleventyConfig.addPlugin(filtersPlugin);
  // the search page's filter lists (src/site/searchFacets.ts).
  eleventyConfig.addFilter('searchFacets', searchFacets);

  // speed: each template text is compiled once, not once per page (src/site/nunjucksCompileCache.ts).
  eleventyConfig.addPlugin(nunjucksCompileCachePlugin);
  // and each variable name a loop sets is split at its dots once, not at every iteration (src/site/nunjucksFrameSet.ts).
  eleventyConfig.addPlugin(nunjucksFrameSetPlugin);

  // transforms: control characters from the inputs never reach a page or feed (XML forbids them), and
  // under --base every root-relative URL of a page is prefixed with it (src/site/transforms.ts).
  eleventyConfig.addPlugin(transformsPlugin);

  // exports and search: on its own (CLI), write the archive-wide exports (streamed, not templates:
  // src/site/exports.ts) and each article's citation downloads (src/site/articleFiles.ts), and index
  // the articles with Pagefind after every build, from the site data as src/build.ts does (an article
  // page shows only some of the names the search filters hold).
  if (!handedIn) {
    eleventyConfig.on('eleventy.after', async ({ directories }) => {
      if (!standaloneSite) return;
      const { writeExports } = await import('./src/site/exports.ts');
      await writeExports(directories.output, standaloneSite);
      const { writeCitationFiles } = await import('./src/site/articleFiles.ts');
      writeCitationFiles(directories.output, standaloneSite.articles);
      const { indexArticles } = await import('./src/site/searchIndex.ts');
      await indexArticles(directories.output, standaloneSite);
    });
  }
}

// config export: directories and formats. Templates are Nunjucks only.
export const config = {
  // output is left to Eleventy (_site by default; --output, or src/build.ts's --out).
  dir: { input: 'templates', includes: '_includes', data: '_data' },
  templateFormats: ['njk'],
  htmlTemplateEngine: 'njk',
};

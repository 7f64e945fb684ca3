// Zero broken internal links: every href/src/srcset/action in every built page and every url() in every
// stylesheet resolves, against the page's own URL under the base, to a file of the build (and a #fragment
// to an id on that page). With base / and with base /archive/. No browser needed.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedSite, type BuiltSite } from '../support/build.ts';
import { checkLinks, formatBrokenLinks, listFiles } from '../support/links.ts';

for (const base of ['/', '/archive/']) {
  describe(`internal links, built with base ${base}`, () => {
    let site: BuiltSite;
    before(async () => {
      site = await sharedSite({ base });
    });

    test('the pages every site has were built, and one page per article', () => {
      const files = new Set(listFiles(site.outDir));
      const required = ['index.html', 'timeline/index.html', 'search/index.html', '404.html', 'articles.json', 'feed.xml', 'feed.json', 'sitemap.xml'];
      for (const file of required) assert.ok(files.has(file), `no ${file} in the build`);
      assert.ok(site.articles.length > 0, 'articles.json is empty');
      for (const article of site.articles) {
        assert.ok(files.has(`articles/${article.slug}/index.html`), `no page for article ${article.slug}`);
      }
    });

    test('zero broken internal links', () => {
      const report = checkLinks(site.outDir, base);
      assert.ok(report.checked >= report.files * 3, `only ${report.checked} links in ${report.files} files: is the scan working?`);
      assert.equal(
        report.broken.length,
        0,
        `${report.broken.length} broken of ${report.checked} internal links in ${report.files} files:\n${formatBrokenLinks(report.broken)}`,
      );
    });
  });
}

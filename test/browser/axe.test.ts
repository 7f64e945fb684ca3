// Accessibility: axe-core in Chromium on every page of the built seeds (home, each article, timeline,
// search with results, 404 at a missing URL, and whatever other pages the site has), in light and dark mode.
// Zero violations; each one is printed with the rule, its help link and the offending elements.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { requireChromiumOrSkip } from '../support/chromium.ts';
import { listFiles } from '../support/links.ts';
import { openSite, pagefindResults, pagesOf, type SiteUnderTest } from '../support/site.ts';

const SUITE = 'browser: axe-core';
const chromium = requireChromiumOrSkip(SUITE);
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeNode {
  target: unknown[];
  html: string;
  failureSummary?: string | undefined;
}
interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: AxeNode[];
}

function formatViolations(where: string, violations: AxeViolation[]): string {
  return violations
    .map((v) =>
      [
        `${where}: [${v.impact ?? 'no impact'}] ${v.id}: ${v.help} (${v.helpUrl})`,
        ...v.nodes.map(
          (node) =>
            `    at ${node.target.map(String).join(' ')}\n       ${node.html.slice(0, 200)}\n       ${(node.failureSummary ?? '').replace(/\n/g, '\n       ')}`,
        ),
      ].join('\n'),
    )
    .join('\n');
}

async function runAxe(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(options: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    const results = await axe.run({ resultTypes: ['violations'] });
    return results.violations.map(({ id, impact, help, helpUrl, nodes }) => ({
      id,
      impact,
      help,
      helpUrl,
      nodes: nodes.map(({ target, html, failureSummary }) => ({ target, html, failureSummary })),
    }));
  });
}

describe(SUITE, { skip: chromium.skipReason ?? false }, () => {
  let env: SiteUnderTest;
  before(async () => {
    // The site's CSP forbids inline scripts, axe included; CSP itself is tested in requests.test.ts.
    env = await openSite('/', SUITE, { bypassCSP: true });
  });
  after(async () => {
    await env?.close();
  });

  test('covers home, an article, timeline, search and the 404 page', () => {
    const paths = pagesOf(listFiles(env.site.outDir)).map((p) => p.path);
    for (const required of ['', 'timeline/', 'search/', 'no/such/page/']) {
      assert.ok(paths.includes(required), `the build has no page for /${required}`);
    }
    assert.ok(paths.some((p) => p.startsWith('articles/')), 'the build has no article page');
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`zero axe-core violations on every page (${colorScheme} mode)`, async () => {
      const pages = pagesOf(listFiles(env.site.outDir)).map((p) =>
        p.path === 'search/' ? { ...p, path: 'search/?q=Ryabkov' } : p,
      );
      const report: string[] = [];
      const page = await env.browser.context.newPage();
      try {
        await page.emulateMedia({ colorScheme });
        for (const { path } of pages) {
          await page.goto(env.server.url(path));
          // Check the search page with its results on screen, not just the empty form.
          if (path.startsWith('search/')) await pagefindResults(page, 'Ryabkov');
          const violations = await runAxe(page);
          if (violations.length > 0) report.push(formatViolations(`/${path}`, violations));
        }
      } finally {
        await page.close();
      }
      assert.equal(report.length, 0, `axe-core violations in ${colorScheme} mode:\n${report.join('\n')}`);
    });
  }
});

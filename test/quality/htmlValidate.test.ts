// Valid HTML: html-validate (config: .htmlvalidate.json, html-validate:recommended) on every built page,
// with base / and with base /archive/. No browser needed.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HtmlValidate, type ConfigData } from 'html-validate';
import { REPO_ROOT, sharedSite, type BuiltSite } from '../support/build.ts';
import { listFiles } from '../support/links.ts';

/**
 * Every rule .htmlvalidate.json relaxes, with the reason (JSON has no comments, so the reasons live here,
 * and the first test fails if the two lists differ).
 */
const RELAXED: Record<string, string> = {
  'doctype-style':
    'Style only: the doctype is case-insensitive (HTML §13.1.1), and `<!doctype html>` is what the Eleventy base blog writes.',
  'long-title':
    'A search-engine display heuristic, not validity or accessibility: an article page is titled with its headline, whose length the outlet chose.',
  'no-trailing-whitespace':
    'A rule for hand-written source: these pages are template output, and whitespace between tags does not change what is rendered.',
};

const CONFIG_PATH = join(REPO_ROOT, '.htmlvalidate.json');
const config = JSON.parse(readFileSync(CONFIG_PATH, 'utf8')) as ConfigData;

test('.htmlvalidate.json extends html-validate:recommended and gives a reason for every rule it relaxes', () => {
  assert.deepEqual(config.extends, ['html-validate:recommended']);
  assert.deepEqual(Object.keys(config.rules ?? {}).sort(), Object.keys(RELAXED).sort());
});

test('the configuration catches invalid HTML', async () => {
  const validator = new HtmlValidate(config);
  const report = await validator.validateString('<!DOCTYPE html><html lang="en"><head><title>x</title></head><body><p><div></div></p><img src="a.png"></body></html>', 'bad.html');
  assert.equal(report.valid, false);
  const rules = new Set(report.results.flatMap((r) => r.messages.map((m) => m.ruleId)));
  assert.ok(rules.has('wcag/h37'), 'an <img> without alt is reported');
});

for (const base of ['/', '/archive/']) {
  describe(`html-validate on every page built with base ${base}`, () => {
    let site: BuiltSite;
    before(async () => {
      site = await sharedSite({ base });
    });

    test('zero errors and zero warnings', async () => {
      const validator = new HtmlValidate(config);
      const pages = listFiles(site.outDir).filter((file) => file.endsWith('.html'));
      assert.ok(pages.length >= 5, `only ${pages.length} HTML pages were built`);
      const findings: string[] = [];
      for (const file of pages) {
        const report = await validator.validateString(readFileSync(join(site.outDir, file), 'utf8'), file);
        for (const result of report.results) {
          for (const m of result.messages) {
            findings.push(`  ${file}:${m.line}:${m.column} ${m.severity === 2 ? 'error' : 'warning'} ${m.ruleId}: ${m.message}${m.selector ? ` (${m.selector})` : ''}`);
          }
        }
      }
      assert.equal(findings.length, 0, `html-validate found ${findings.length} problems in ${pages.length} pages:\n${findings.join('\n')}`);
    });
  });
}

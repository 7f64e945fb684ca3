// When the dev server may re-render one article's page alone, and when only the full build can tell.
// (That the page it renders is byte for byte the full build's is checked in test/devServer.test.ts.)
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { editedEntry, loadDevState, type DevState } from '../../src/site/devFastPath.ts';

const SEEDS = join(import.meta.dirname, '../../seeds');
const text = (file: string): string => readFileSync(join(SEEDS, file), 'utf8');
const bytes = (value: string): Uint8Array => new TextEncoder().encode(value);

describe('editedEntry', () => {
  let state: DevState;
  let file: string;
  before(async () => {
    state = await loadDevState(SEEDS, { siteUrl: 'http://localhost:8080', base: '/' }, '2026-01-01');
    file = state.site.articles[0]!.article.sourceFile;
  });

  it('takes an edit to the body: the new text, the same address and the cross-article parts kept', () => {
    const old = state.site.articles[0]!;
    const paragraph = old.article.body.split('\n\n')[0]!;
    assert.ok(text(file).includes(paragraph), 'the first paragraph stands in the file as it is in the body');
    const edit = editedEntry(state, file, bytes(text(file).replace(paragraph, `${paragraph} An added sentence.`)));
    assert.ok(edit.ok, edit.ok ? '' : edit.reason);
    assert.ok(edit.entry.article.body.startsWith(`${paragraph} An added sentence.`));
    assert.equal(edit.entry.article.slug, old.article.slug);
    assert.notEqual(edit.entry.article.sha256, old.article.sha256);
    assert.deepEqual(edit.entry.related, old.related);
    assert.equal(edit.entry.citation.csl['citation-key'], old.citation.csl['citation-key']);
  });

  it('leaves a changed headline to the full build (lists, neighbours and citations show it)', () => {
    const old = state.site.articles[0]!.article;
    const edit = editedEntry(state, file, bytes(text(file).replace(old.title, `${old.title} (updated)`)));
    assert.equal(edit.ok, false);
    assert.match(edit.ok ? '' : edit.reason, /title/);
  });

  it('leaves a new file, a file that no longer makes an article, and a copy of another file to the full build', () => {
    assert.match(refusal(editedEntry(state, 'new-article.txt', bytes(text(file)))), /not a published article/);
    assert.match(refusal(editedEntry(state, file, bytes(''))), /no longer makes an article/);
    const other = state.site.articles[1]!.article.sourceFile;
    assert.match(refusal(editedEntry(state, file, readFileSync(join(SEEDS, other)))), /same bytes as another file/);
  });
});

function refusal(edit: ReturnType<typeof editedEntry>): string {
  assert.equal(edit.ok, false);
  return edit.ok ? '' : edit.reason;
}

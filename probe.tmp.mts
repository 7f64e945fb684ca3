import { performance } from 'node:perf_hooks';
import { readFileSync, readdirSync } from 'node:fs';
import { loadDevState, editedEntry, renderArticleFiles, writeArticleFiles, remember } from './src/site/devFastPath.ts';
const dir = process.argv[2]!;
let t = performance.now();
const state = await loadDevState(dir, { siteUrl: 'http://localhost:8080', base: '/' }, new Date().toISOString().slice(0, 10));
console.log('load ms', Math.round(performance.now() - t));
await renderArticleFiles(state, state.site.articles[0]!);
for (const file of readdirSync(dir).sort().slice(0, 5)) {
  t = performance.now();
  const text = readFileSync(`${dir}/${file}`, 'utf8');
  const edit = editedEntry(state, file, new TextEncoder().encode(`${text}\nThis paragraph was added by the probe as a marker.\n`));
  if (!edit.ok) { console.log(edit.reason); continue; }
  const files = await renderArticleFiles(state, edit.entry);
  await writeArticleFiles('/tmp/pd/probe-out', edit.entry, files, new Uint8Array());
  remember(state, edit.entry);
  console.log('fast ms', Math.round(performance.now() - t), file);
}

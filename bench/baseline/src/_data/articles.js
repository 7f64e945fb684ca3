// Every .txt file of the corpus: the first non-empty line is the title, the rest the Markdown body.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export default function () {
  const dir = process.env.BASELINE_CORPUS;
  return readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => {
      const lines = readFileSync(join(dir, name), 'utf8').split('\n');
      const first = lines.findIndex((line) => line.trim() !== '');
      return {
        slug: name.replace(/\.txt$/, ''),
        title: lines[first].replace(/^#\s*/, '').trim(),
        body: lines.slice(first + 1).join('\n'),
      };
    });
}

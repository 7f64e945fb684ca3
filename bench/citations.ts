// How long citing costs per article: `npx tsx bench/citations.ts [N]` cites N synthetic articles (default 1000)
// through toSiteData's citation step (articleCitations, the whole archive in one batch per style) and prints
// the time per article. A first single article pays citeproc-js's engine set-up once per style.
import { performance } from 'node:perf_hooks';
import { articleCitation, articleCitations, citationKeys } from '../src/site/citations.ts';
import type { Article } from '../src/types.ts';

const count = Number(process.argv[2] ?? 1000);
const FAMILIES = ['Roe', 'Doe', 'van Dijk', 'García Márquez', 'Okafor'];
const articles: Article[] = Array.from({ length: count }, (_, i) => ({
  slug: `article-${i}`,
  id: `article-${i}`,
  sourceFile: `article-${i}.txt`,
  sha256: '0'.repeat(64),
  title: `Synthetic headline number ${i} about talks on Venezuela`,
  subtitle: null,
  published: i % 7 === 0 ? null : `20${10 + (i % 15)}-0${1 + (i % 9)}-1${i % 10}`,
  datePrecision: i % 7 === 0 ? null : 'day',
  publisher: `Outlet ${i % 40}`,
  authors: i % 3 === 0 ? ['Reuters'] : [`Jane ${FAMILIES[i % FAMILIES.length]}`, `John Q. Public`],
  url: `https://example.org/news/${i}`,
  dateline: null,
  section: null,
  language: 'en',
  body: 'Body.',
  excerpt: 'Body.',
  wordCount: 1,
  captions: [],
  related: [],
  comments: [],
  warnings: [],
  provenance: {},
  removed: [],
}));

const keys = citationKeys(articles.map((a) => a.slug));
let started = performance.now();
articleCitation(articles[0]!, keys.get(articles[0]!.slug)!, 'https://example.org/');
const first = performance.now() - started;
started = performance.now();
const cpu = process.cpuUsage();
articleCitations(articles.slice(1), keys, 'https://example.org/');
const rest = performance.now() - started;
// CPU time as well as wall time: on a shared machine the wall clock also counts other processes' turns.
const { user, system } = process.cpuUsage(cpu);
const perArticle = (ms: number): string => (ms / (count - 1)).toFixed(2);
process.stderr.write(
  `first article ${first.toFixed(0)} ms (engine set-up, once per style); then per article ${perArticle(rest)} ms wall, ${perArticle((user + system) / 1000)} ms CPU, over ${count - 1} articles (${(rest / 1000).toFixed(1)} s)\n`,
);

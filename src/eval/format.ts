// The eval result for people: per-field totals, then one row per case with what it got wrong.
import type { EvalResult, FieldRate } from '../types.ts';

const rate = (r: FieldRate): string => `${r.percent.toFixed(1).padStart(5)}%  (${r.right}/${r.of})`;
const fixed = (n: number): string => n.toFixed(3);

export function formatTotals(result: EvalResult): string[] {
  const t = result.totals;
  return [
    `${result.dir}: ${t.cases} cases, ${t.withoutRecord} without a record`,
    `title      ${rate(t.title)}`,
    `date       ${rate(t.date)} of cases with a true date; dates given where the truth has none: ${t.dateWhereNone.given}/${t.dateWhereNone.of}`,
    `publisher  ${rate(t.publisher)}; where the name is in the text: ${rate(t.publisherInText).trim()}`,
    `url        ${rate(t.url)} of cases whose url is in the text`,
    `authors    ${(100 * t.authors.meanF1).toFixed(1).padStart(5)}%  (mean set-F1 over ${t.authors.of} cases with known authors)`,
    `body       P=${fixed(t.body.precision)} R=${fixed(t.body.recall)} F1=${fixed(t.body.f1)}  (mean per-case F1 ${fixed(t.body.meanCaseF1)})`,
  ];
}

/** One row per case: body P/R/F1 and the fields it got wrong; the misses indented below. */
export function formatCases(result: EvalResult): string[] {
  const width = Math.max(4, ...result.cases.map((c) => c.file.length));
  const header = `${'case'.padEnd(width)}  body P  body R  body F1  wrong`;
  return [
    header,
    ...result.cases.flatMap((c) => {
      const wrong = [
        ...(c.found ? [] : ['no record']),
        ...(c.title ? [] : ['title']),
        ...(c.date === false || c.dateWhereNone ? ['date'] : []),
        ...(c.publisher === false ? ['publisher'] : []),
        ...(c.url === false ? ['url'] : []),
        ...(c.authors !== null && c.authors < 1 ? ['authors'] : []),
      ];
      const row = `${c.file.padEnd(width)}  ${fixed(c.body.precision).padStart(6)}  ${fixed(c.body.recall).padStart(6)}  ${fixed(c.body.f1).padStart(7)}  ${wrong.join(', ') || '-'}`;
      return [row, ...c.misses.filter((m) => !m.startsWith('body')).map((m) => `    ${m}`)];
    }),
  ];
}

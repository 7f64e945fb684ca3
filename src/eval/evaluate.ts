// Scores the extractor on a folder of labelled cases, in process: DIR/cases/<file> is ingested as the
// build would (with DIR/cases/catalogue.yaml if there is one) and compared with DIR/truth/*.json.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { ingestText, loadCatalogue } from '../ingest/index.ts';
import { readBytes, readOptionalText } from '../ingest/read.ts';
import type { CaseScore, CaseTruth, EvalResult } from '../types.ts';
import { scoreCase, totalScores } from './score.ts';

export async function evaluateFolder(dir: string): Promise<EvalResult> {
  const casesDir = join(dir, 'cases');
  const truthDir = join(dir, 'truth');
  const truthFiles = (await readdir(truthDir)).filter((name) => name.endsWith('.json')).sort();
  const { catalogue } = await loadCatalogue(casesDir);
  const cases: CaseScore[] = [];
  const problems: string[] = [];
  for (const name of truthFiles) {
    const truth = parseTruth(await readOptionalText(join(truthDir, name)));
    if (truth === null) {
      problems.push(`truth/${name}: not a JSON object with a sourceFile`);
      continue;
    }
    const bytes = await readBytes(join(casesDir, truth.sourceFile));
    if (!bytes.ok) {
      problems.push(`cases/${truth.sourceFile}: ${bytes.reason}`);
      cases.push(scoreCase(truth.sourceFile, truth, null));
      continue;
    }
    const { article } = ingestText(truth.sourceFile, bytes.bytes, catalogue);
    cases.push(scoreCase(truth.sourceFile, truth, article));
  }
  return { dir, totals: totalScores(cases), cases, problems };
}

function parseTruth(text: string | null): CaseTruth | null {
  if (text === null) return null;
  try {
    const value = JSON.parse(text) as Partial<CaseTruth> | null;
    return value !== null && typeof value === 'object' && typeof value.sourceFile === 'string' ? (value as CaseTruth) : null;
  } catch {
    return null;
  }
}

// Diagnostics as data (modelled on vfile-message): steps return them, reporters format them.
import type { Diagnostic, Severity } from './types.ts';

export interface DiagnosticInit {
  file: string;
  line?: number | null;
  ruleId: string;
  reason: string;
  severity?: Severity;
  source?: Diagnostic['source'];
  note?: string;
  actual?: string;
}

const ACTUAL_MAX = 80;

/** Builds a Diagnostic; severity defaults to `warning`, source to `ingest`. */
export function makeDiagnostic(init: DiagnosticInit): Diagnostic {
  const diagnostic: Diagnostic = {
    file: init.file,
    line: init.line ?? null,
    ruleId: init.ruleId,
    source: init.source ?? 'ingest',
    severity: init.severity ?? 'warning',
    reason: init.reason,
  };
  if (init.note !== undefined) diagnostic.note = init.note;
  if (init.actual !== undefined) diagnostic.actual = shorten(init.actual, ACTUAL_MAX);
  return diagnostic;
}

/** `file:line rule: reason` (the line is left out when the problem has none). */
export function formatDiagnostic(d: Diagnostic): string {
  const place = d.line === null ? d.file : `${d.file}:${d.line}`;
  const note = d.note === undefined ? '' : ` (${d.note})`;
  return `${place} ${d.ruleId}: ${d.reason}${note}`;
}

export function isFatal(d: Diagnostic): boolean {
  return d.severity === 'error';
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

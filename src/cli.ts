// Shared by the thin CLIs in scripts/: strict flag parsing with the usage text on a bad flag or --help.
import { parseArgs, type ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

type Flags<O extends Options> = ReturnType<typeof parseArgs<{ options: O; strict: true; allowPositionals: false }>>['values'];

/** The parsed flags, or null when the run should end here (usage printed; exit code 2 for a bad flag). */
export function parseFlags<const O extends Options>(options: O, usage: string): Flags<O> | null {
  let values: Flags<O>;
  try {
    ({ values } = parseArgs({ options, strict: true, allowPositionals: false }));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${usage}\n`);
    process.exitCode = 2;
    return null;
  }
  if ((values as { help?: unknown }).help === true) {
    process.stderr.write(`${usage}\n`);
    return null;
  }
  return values;
}

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

/**
 * The whole number a flag gives, undefined when it is not given, or null after printing why it is
 * refused (exit code 2): not a whole number, or below `least`.
 */
export function wholeNumberFlag(name: string, value: string | undefined, least: number): number | undefined | null {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (Number.isInteger(number) && number >= least) return number;
  process.stderr.write(`--${name} must be a whole number of ${least} or more, not ${JSON.stringify(value)}\n`);
  process.exitCode = 2;
  return null;
}

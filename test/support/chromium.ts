// Finds and launches Chromium for the browser tests, with playwright-core (which never downloads a browser).
// No Chromium: the tests skip LOUDLY, or fail when DOSSIER_REQUIRE_BROWSER=1 (as CI sets it).
import { accessSync, constants, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/** Where Debian's `apt-get install chromium` puts the browser; CHROME_PATH overrides. */
const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/lib/chromium/chromium'];

/** Quiet, offline, reproducible: no sandbox (CI runs as root), no GPU, no calls home. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export type ChromiumLocation = { path: string; skipReason: null } | { path: null; skipReason: string };

export function browserRequired(env: NodeJS.ProcessEnv = process.env): boolean {
  return env['DOSSIER_REQUIRE_BROWSER'] === '1';
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Where Chromium is, or why there is none to use. Never throws. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): ChromiumLocation {
  const override = env['CHROME_PATH'];
  if (override !== undefined && override !== '') {
    return isExecutable(override)
      ? { path: override, skipReason: null }
      : { path: null, skipReason: `CHROME_PATH=${override} is not an executable file` };
  }
  const found = CANDIDATES.find(isExecutable);
  if (found !== undefined) return { path: found, skipReason: null };
  return {
    path: null,
    skipReason: `no Chromium found (looked in ${CANDIDATES.join(', ')}; set CHROME_PATH, or run \`apt-get install -y chromium\`)`,
  };
}

/**
 * For a test file's top level: the Chromium to use, or the reason to skip, printed loudly.
 * Throws (so the test file fails) when Chromium is missing and DOSSIER_REQUIRE_BROWSER=1.
 */
export function requireChromiumOrSkip(suite: string, env: NodeJS.ProcessEnv = process.env): ChromiumLocation {
  const location = findChromium(env);
  if (location.path !== null) return location;
  if (browserRequired(env)) {
    throw new Error(`${suite}: DOSSIER_REQUIRE_BROWSER=1 but ${location.skipReason}`);
  }
  const line = '!'.repeat(78);
  console.warn(
    `\n${line}\n!! SKIPPING ${suite}: ${location.skipReason}.\n!! These tests did NOT run. Set DOSSIER_REQUIRE_BROWSER=1 to make this a failure.\n${line}\n`,
  );
  return { path: null, skipReason: `SKIPPED, no browser: ${location.skipReason}` };
}

export interface BrowserSession {
  context: BrowserContext;
  version: string;
  close(): Promise<void>;
}

/**
 * Launches headless Chromium with a fresh user-data dir (removed again on close).
 * Returns null with a loud reason when there is no Chromium (throws instead when DOSSIER_REQUIRE_BROWSER=1).
 * A Chromium that exists but will not start is always an error.
 */
export async function launchChromium(
  suite = 'browser tests',
  options: { bypassCSP?: boolean; javaScriptEnabled?: boolean } = {},
): Promise<BrowserSession | null> {
  const location = requireChromiumOrSkip(suite);
  if (location.path === null) return null;
  const userDataDir = mkdtempSync(join(tmpdir(), 'dossier-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: location.path,
      headless: true,
      args: CHROMIUM_ARGS,
      timeout: 30_000,
      // Only for tools injected by the tests themselves (axe-core); the site's own CSP is tested with it on.
      bypassCSP: options.bypassCSP ?? false,
      javaScriptEnabled: options.javaScriptEnabled ?? true,
    });
  } catch (error) {
    rmSync(userDataDir, { recursive: true, force: true });
    throw new Error(`${suite}: Chromium at ${location.path} did not start`, { cause: error });
  }
  // A persistent context opens with one blank page; tests open their own.
  const version = (await context.pages()[0]?.evaluate(() => navigator.userAgent)) ?? 'unknown';
  return {
    context,
    version,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

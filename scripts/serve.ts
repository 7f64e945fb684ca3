// npm start [-- --seeds DIR --out DIR --base /prefix/ --port 8080]: build, serve, rebuild on change.
import { parseFlags } from '../src/cli.ts';
import { DEFAULTS } from '../src/site/loadSiteData.ts';
import { startDevServer } from '../src/site/devServer.ts';

const USAGE = `usage: npm start -- [--seeds DIR] [--out DIR] [--base /prefix/] [--port N]

  --seeds DIR     input folder of article text files (default: seeds)
  --out DIR       output folder, emptied first (default: _site)
  --base PREFIX   URL path to serve the site under (default: /)
  --port N        port of the dev server (default: 8080)
  --help          show this help`;

function main(): void {
  const values = parseFlags(
    {
      seeds: { type: 'string', default: DEFAULTS.seedsDir },
      out: { type: 'string', default: DEFAULTS.outDir },
      base: { type: 'string', default: DEFAULTS.base },
      port: { type: 'string', default: '8080' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    USAGE,
  );
  if (values === null) return;
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    process.stderr.write(`--port must be a number from 1 to 65535, not ${JSON.stringify(values.port)}\n`);
    process.exitCode = 2;
    return;
  }
  const log = (line: string): void => void process.stderr.write(`${line}\n`);
  startDevServer({ seedsDir: values.seeds, outDir: values.out, base: values.base, siteUrl: `http://localhost:${port}`, port }, log).then(
    (server) => {
      const stop = (): void => void server.close();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    },
    (error: unknown) => {
      process.stderr.write(`✗ ${(error as Error).message}\n`);
      process.exitCode = 1;
    },
  );
}

main();

// A tiny static file server for a built site, as a plain static host would serve it:
// optionally under a sub-path (/archive/), directories as index.html, unknown paths as the site's 404.html.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
  // Pagefind's index chunks and its gzipped wasm: opaque bytes it fetches and decodes itself.
  '.pagefind': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
};

export function contentTypeFor(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/** '/', '/archive/' (leading and trailing slash), from '', 'archive', '/archive'. */
export function normaliseBase(base: string): string {
  const trimmed = base.replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

export interface ServedRequest {
  method: string;
  path: string;
  status: number;
}

export interface StaticServer {
  /** http://127.0.0.1:<port> */
  origin: string;
  /** The site's root URL, origin + base. */
  root: string;
  /** Absolute URL of a path inside the site: url('search/?q=x') → http://127.0.0.1:<port>/archive/search/?q=x */
  url(pathInSite?: string): string;
  /** Every request served, in order. */
  requests: ServedRequest[];
  close(): Promise<void>;
}

async function fileAt(path: string): Promise<'file' | 'dir' | null> {
  try {
    const info = await stat(path);
    return info.isFile() ? 'file' : info.isDirectory() ? 'dir' : null;
  } catch {
    return null;
  }
}

/** Serves `rootDir` at http://127.0.0.1:<free port><base>. */
export async function serveStatic(rootDir: string, options: { base?: string } = {}): Promise<StaticServer> {
  const base = normaliseBase(options.base ?? '/');
  const root = resolve(rootDir);
  const requests: ServedRequest[] = [];

  async function send(res: ServerResponse, method: string, status: number, file: string): Promise<number> {
    const body = await readFile(file);
    res.writeHead(status, {
      'content-type': contentTypeFor(file),
      'content-length': body.length,
      'cache-control': 'no-store',
    });
    res.end(method === 'HEAD' ? undefined : body);
    return status;
  }

  async function notFound(res: ServerResponse, method: string): Promise<number> {
    const page = join(root, '404.html');
    if ((await fileAt(page)) === 'file') return send(res, method, 404, page);
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(method === 'HEAD' ? undefined : 'Not found (and the site has no 404.html)\n');
    return 404;
  }

  function redirect(res: ServerResponse, location: string): number {
    res.writeHead(301, { location });
    res.end();
    return 301;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<number> {
    const method = req.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' });
      res.end();
      return 405;
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      return notFound(res, method);
    }
    if (base !== '/' && `${path}/` === base) return redirect(res, base + url.search);
    if (!path.startsWith(base) || path.includes('\0')) return notFound(res, method);
    const file = resolve(root, `.${sep}${path.slice(base.length)}`);
    if (file !== root && !file.startsWith(root + sep)) return notFound(res, method);
    const kind = await fileAt(file);
    if (kind === 'file') return send(res, method, 200, file);
    if (kind === 'dir') {
      if (!path.endsWith('/')) return redirect(res, `${url.pathname}/${url.search}`);
      const index = join(file, 'index.html');
      if ((await fileAt(index)) === 'file') return send(res, method, 200, index);
    }
    return notFound(res, method);
  }

  const server = createServer((req, res) => {
    handle(req, res).then(
      (status) => requests.push({ method: req.method ?? 'GET', path: req.url ?? '/', status }),
      (error: unknown) => {
        requests.push({ method: req.method ?? 'GET', path: req.url ?? '/', status: 500 });
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
        res.end(`test server error: ${String(error)}\n`);
      },
    );
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => done());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    root: origin + base,
    url: (pathInSite = '') => origin + base + pathInSite.replace(/^\/+/, ''),
    requests,
    close: () =>
      new Promise<void>((done, fail) => {
        server.closeAllConnections();
        server.close((error) => (error ? fail(error) : done()));
      }),
  };
}

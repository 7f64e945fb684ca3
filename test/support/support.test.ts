// Checks the test support itself (server, link checker, Chromium finder) on the hand-made sites in
// test/fixtures/quality/, so a quality gate that passes is known to be able to fail.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { get } from 'node:http';
import { fileURLToPath } from 'node:url';
import { checkLinks, decodeEntities, formatBrokenLinks, scanCss, scanHtml, urlPathOf } from './links.ts';
import { contentTypeFor, normaliseBase, serveStatic, type StaticServer } from './server.ts';
import { findChromium, requireChromiumOrSkip } from './chromium.ts';

const GOOD = fileURLToPath(new URL('../fixtures/quality/good/', import.meta.url));
const BROKEN = fileURLToPath(new URL('../fixtures/quality/broken/', import.meta.url));

describe('static server', () => {
  for (const base of ['/', '/archive/']) {
    describe(`under ${base}`, () => {
      let server: StaticServer;
      before(async () => {
        server = await serveStatic(GOOD, { base });
      });
      after(() => server.close());

      test('serves pages, directories as index.html, and assets with their content types', async () => {
        const home = await fetch(server.url(''));
        assert.equal(home.status, 200);
        assert.equal(home.headers.get('content-type'), 'text/html; charset=utf-8');
        assert.match(await home.text(), /Fixture home/);
        const about = await fetch(server.url('about/'));
        assert.match(await about.text(), /About the fixture/);
        const css = await fetch(server.url('css/site.css'));
        assert.equal(css.headers.get('content-type'), 'text/css; charset=utf-8');
        const wasm = await fetch(server.url('pagefind/wasm.en.pagefind'));
        assert.equal(wasm.status, 200);
        assert.equal(wasm.headers.get('content-type'), 'application/octet-stream');
        assert.deepEqual([...new Uint8Array(await wasm.arrayBuffer()).slice(0, 2)], [0x1f, 0x8b]);
      });

      test('redirects a directory without its trailing slash', async () => {
        const response = await fetch(server.url('about?x=1'), { redirect: 'manual' });
        assert.equal(response.status, 301);
        assert.equal(response.headers.get('location'), `${base}about/?x=1`);
      });

      test("answers unknown paths with 404 and the site's 404.html", async () => {
        for (const path of ['no/such/page/', 'about/missing.png', '../../etc/passwd', '%2e%2e/%2e%2e/etc/passwd']) {
          const response = await fetch(server.url(path));
          assert.equal(response.status, 404, path);
          assert.match(await response.text(), /<title>Not found<\/title>/, path);
        }
      });

      test('never serves a file outside the folder', async () => {
        // fetch() normalises dot segments away, so send the raw path with node:http.
        for (const raw of [`${base}..%2f..%2fetc%2fpasswd`, `${base}%2e%2e/%2e%2e/etc/passwd`, `${base}..\\..\\etc\\passwd`]) {
          const status = await new Promise<number | undefined>((done, fail) => {
            get(`${server.origin}${raw}`, { path: raw }, (res) => {
              res.resume();
              done(res.statusCode);
            }).on('error', fail);
          });
          assert.equal(status, 404, raw);
        }
      });

      test('records every request', async () => {
        await fetch(server.url('img/logo.svg'));
        const last = server.requests.at(-1);
        assert.deepEqual(last, { method: 'GET', path: `${base}img/logo.svg`, status: 200 });
      });
    });
  }

  test('outside the sub-path there is nothing; the bare sub-path redirects', async () => {
    const server = await serveStatic(GOOD, { base: 'archive' });
    try {
      assert.equal((await fetch(`${server.origin}/index.html`)).status, 404);
      const bare = await fetch(`${server.origin}/archive`, { redirect: 'manual' });
      assert.equal(bare.status, 301);
      assert.equal(bare.headers.get('location'), '/archive/');
    } finally {
      await server.close();
    }
  });

  test('content types', () => {
    assert.equal(contentTypeFor('a/b.wasm'), 'application/wasm');
    assert.equal(contentTypeFor('pagefind/fragment/en_1.pf_fragment'), 'application/octet-stream');
    assert.equal(contentTypeFor('pagefind/pagefind-ui.js'), 'text/javascript; charset=utf-8');
    assert.equal(contentTypeFor('feed.json'), 'application/json; charset=utf-8');
    assert.equal(contentTypeFor('feed.xml'), 'application/xml; charset=utf-8');
    assert.deepEqual(['', '/', 'archive', '/archive', '/archive/', 'a/b/'].map(normaliseBase), [
      '/',
      '/',
      '/archive/',
      '/archive/',
      '/archive/',
      '/a/b/',
    ]);
  });
});

describe('HTML and CSS scanning', () => {
  test('finds href/src/srcset/action, decodes entities, skips comments and script contents', () => {
    const page = scanHtml(
      [
        '<!doctype html><!-- <a href="/c/"> -->',
        '<a href="/x?a=1&amp;b=2" id=top-link>x</a><img src=\'/i.png\' srcset="/a.png 1x, /b.png 2x" alt="">',
        '<script>var s = "<a href=\\"/in-script/\\">";</script><form action="/search/"></form>',
        '<a name="anchor" href="#anchor"></a><input disabled value="/not/a/url">',
      ].join('\n'),
    );
    assert.deepEqual(
      page.references.map((r) => `${r.line} ${r.tag}[${r.attr}]=${r.value}`),
      ['2 a[href]=/x?a=1&b=2', '2 img[src]=/i.png', '2 img[srcset]=/a.png', '2 img[srcset]=/b.png', '3 form[action]=/search/', '4 a[href]=#anchor'],
    );
    assert.deepEqual([...page.ids].sort(), ['anchor', 'top-link']);
    assert.equal(decodeEntities('&lt;&#x41;&#66;&unknown;&quot;'), '<AB&unknown;"');
  });

  test('finds url() and @import in stylesheets, not in comments', () => {
    const refs = scanCss('/* url(/no.png) */\n@import "/a.css";\nb { background: url( \'/b.png\' ) }');
    assert.deepEqual(
      refs.map((r) => `${r.line} ${r.attr} ${r.value}`),
      ['2 @import /a.css', '3 url() /b.png'],
    );
  });

  test('maps files to the URL paths they are served at', () => {
    assert.equal(urlPathOf('index.html', '/'), '/');
    assert.equal(urlPathOf('articles/a/index.html', '/archive/'), '/archive/articles/a/');
    assert.equal(urlPathOf('404.html', '/archive/'), '/archive/404.html');
  });
});

describe('link checker', () => {
  test('a sound site has no broken links', () => {
    const report = checkLinks(GOOD, '/');
    assert.deepEqual(report.broken, [], formatBrokenLinks(report.broken));
    assert.equal(report.files, 4);
    assert.ok(report.checked >= 15, `checked only ${report.checked} links`);
  });

  test('the same site checked under /archive/ breaks on every root-relative link', () => {
    const report = checkLinks(GOOD, '/archive/');
    const outside = report.broken.filter((b) => b.reason === 'outside the base path /archive/');
    assert.ok(outside.length >= 10, formatBrokenLinks(report.broken));
    assert.ok(outside.some((b) => b.file === 'index.html' && b.value === '/css/site.css'));
    // Relative links still resolve under any base.
    assert.ok(!report.broken.some((b) => b.value === '../css/site.css' || b.value === 'about/#team'));
  });

  test('every kind of broken link is reported with file, line and reason', () => {
    const report = checkLinks(BROKEN, '/');
    assert.deepEqual(
      report.broken.map((b) => `${b.file}:${b.line} ${b.value} → ${b.resolved}: ${b.reason}`),
      [
        '404.html:10 #nothing-here → /404.html#nothing-here: no id="nothing-here" in 404.html',
        '404.html:10 #nothing-here → /no/such/page/#nothing-here: no id="nothing-here" in 404.html',
        '404.html:11 index.html → /no/such/page/index.html: no such file in the built site',
        'index.html:6 /missing.css → /missing.css: no such file in the built site',
        'index.html:10 /nowhere/ → /nowhere/: no such file in the built site',
        'index.html:11 /#no-such-id → /#no-such-id: no id="no-such-id" in index.html',
        'index.html:12 ../../../etc/passwd → /etc/passwd: no such file in the built site',
        'index.html:13 relative/missing.png → /relative/missing.png: no such file in the built site',
      ],
    );
  });
});

describe('Chromium finder', () => {
  test('CHROME_PATH overrides, and a wrong one is a reason, not a crash', () => {
    assert.deepEqual(findChromium({ CHROME_PATH: '/bin/sh' }), { path: '/bin/sh', skipReason: null });
    const missing = findChromium({ CHROME_PATH: '/nonexistent/chromium' });
    assert.equal(missing.path, null);
    assert.match(missing.skipReason ?? '', /CHROME_PATH=\/nonexistent\/chromium is not an executable file/);
  });

  test('no Chromium: skip with a loud reason, or throw when DOSSIER_REQUIRE_BROWSER=1', (t) => {
    const warnings: string[] = [];
    t.mock.method(console, 'warn', (message: string) => warnings.push(message));
    const skipped = requireChromiumOrSkip('suite X', { CHROME_PATH: '/nonexistent/chromium' });
    assert.equal(skipped.path, null);
    assert.match(skipped.skipReason ?? '', /SKIPPED, no browser/);
    assert.match(warnings.join('\n'), /SKIPPING suite X: CHROME_PATH=\/nonexistent\/chromium is not an executable file/);
    assert.throws(
      () => requireChromiumOrSkip('suite X', { CHROME_PATH: '/nonexistent/chromium', DOSSIER_REQUIRE_BROWSER: '1' }),
      /suite X: DOSSIER_REQUIRE_BROWSER=1 but CHROME_PATH=\/nonexistent\/chromium/,
    );
  });
});

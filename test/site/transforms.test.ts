// The output transforms (src/site/transforms.ts): the base path put before every root-relative URL a
// template wrote, and nothing else touched.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { withBasePath } from '../../src/site/transforms.ts';

describe('withBasePath', () => {
  it('puts the base before the root-relative URLs of links, scripts, forms and SVG links', () => {
    const html = [
      '<link rel="stylesheet" href="/assets/dossier.css">',
      '<form class="site-search" action="/search/" method="get">',
      '<a href="/">Dossier</a> <a class="next" href="/articles/sochi-talks/">Next</a>',
      '<script type="module" src="/assets/search.js"></script>',
      '<svg><a href="/timeline/2019/#2019-03"><rect/></a><use xlink:href="/assets/icons.svg#i"/></svg>',
    ].join('\n');
    assert.equal(
      withBasePath(html, '/archive/'),
      [
        '<link rel="stylesheet" href="/archive/assets/dossier.css">',
        '<form class="site-search" action="/archive/search/" method="get">',
        '<a href="/archive/">Dossier</a> <a class="next" href="/archive/articles/sochi-talks/">Next</a>',
        '<script type="module" src="/archive/assets/search.js"></script>',
        '<svg><a href="/archive/timeline/2019/#2019-03"><rect/></a><use xlink:href="/archive/assets/icons.svg#i"/></svg>',
      ].join('\n'),
    );
  });

  it('leaves alone other URLs, other attributes and text from the inputs, which is escaped', () => {
    const html = [
      '<a href="https://example.org/x">abs</a> <a href="//cdn.example.org/x">protocol-relative</a>',
      '<a href="source.txt">relative</a> <a href="#cite">fragment</a> <a href="mailto:a@b.c">mail</a>',
      '<meta property="og:url" content="/not-a-link/">',
      '<p>She wrote &lt;a href=&quot;/evil&quot;&gt; in prose</p>',
      '<script type="application/ld+json">{"text":"<a href=\\"/in-json\\">"}</script>',
      '<a data-href="/data/">data</a>',
    ].join('\n');
    assert.equal(withBasePath(html, '/archive/'), html);
  });

  it('changes nothing at base /', () => {
    const html = '<a href="/articles/x/">x</a>';
    assert.equal(withBasePath(html, '/'), html);
  });
});

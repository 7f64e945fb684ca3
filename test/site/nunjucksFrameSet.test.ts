import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { UserConfig } from '@11ty/eleventy';
import { createRequire } from 'node:module';
import { nunjucksFrameSetPlugin } from '../../src/site/nunjucksFrameSet.ts';

// The library Eleventy renders with (it has no type declarations): only what this test uses.
interface NunjucksLib {
  Environment: new (loader: null, options: { autoescape: boolean }) => object;
  Template: new (text: string, environment: object) => { render(context: object): string };
  runtime: { Frame: { prototype: { set: unknown } } };
}
const nunjucks = createRequire(import.meta.url)('nunjucks') as NunjucksLib;

// Loop variables, nested loops, and a {% set %} inside a loop that writes to the template's own variable:
// the ways the templates set a variable.
const TEMPLATES: Record<string, string> = {
  loop: '{% for x in xs %}{{ loop.index }}/{{ loop.index0 }}/{{ loop.revindex }}/{{ loop.revindex0 }}/{{ loop.length }}:{{ x }}{% if loop.first %}<{% endif %}{% if loop.last %}>{% endif %} {% endfor %}',
  nested: '{% for x in xs %}{% for y in xs %}{{ loop.index }}{% endfor %}.{{ loop.index }}|{% endfor %}',
  outer: '{% set total = 0 %}{% for x in xs %}{% set total = total + loop.index %}{% endfor %}{{ total }}',
  shadow: '{% set x = "top" %}{% for x in xs %}{% endfor %}{{ x }}',
  inLoopOnly: '{% for x in xs %}{% set seen = x %}{% endfor %}[{{ seen }}]',
};

const renderAll = (): Record<string, string> => {
  const env = new nunjucks.Environment(null, { autoescape: true });
  return Object.fromEntries(Object.entries(TEMPLATES).map(([name, text]) => [name, new nunjucks.Template(text, env).render({ xs: ['a', 'b', 'c'] })]));
};

describe('Nunjucks Frame.set with each name split once', () => {
  it('renders every way of setting a variable exactly as Nunjucks does', () => {
    const before = renderAll();
    const nunjucksSet = nunjucks.runtime.Frame.prototype.set;
    nunjucksFrameSetPlugin({ on: (_event: string, handler: (arg: { nunjucks: NunjucksLib }) => void) => handler({ nunjucks }) } as unknown as UserConfig);
    assert.notEqual(nunjucks.runtime.Frame.prototype.set, nunjucksSet);
    const after = renderAll();
    assert.deepEqual(after, before);
    assert.equal(after.loop, '1/0/3/2/3:a< 2/1/2/1/3:b 3/2/1/0/3:c> ');
    assert.equal(after.nested, '123.1|123.2|123.3|');
    assert.equal(after.outer, '6');
    assert.equal(after.shadow, 'top');
    assert.equal(after.inLoopOnly, '[]');
  });
});

// Eleventy 3.1 compiles a Nunjucks template's text anew for every page it renders (its Nunjucks engine
// opts out of Eleventy's compile cache and builds `new Template(text)` per call), so the article
// template and the layout were parsed and compiled once per article: most of the render time of a
// large archive (see npm run bench). This compiles each distinct template text once per Nunjucks
// environment and hands the result to every later Template of the same text, the way Nunjucks itself
// hands precompiled templates around (Template.tmplProps). Compiled props are stateless functions.
import type { UserConfig } from '@11ty/eleventy';

interface NunjucksTemplate {
  tmplProps?: unknown;
  tmplStr?: unknown;
  path?: string | null;
  env: { asyncFilters: unknown; extensionsList: unknown; opts: unknown };
  _compile(): void;
}

interface NunjucksLib {
  Template: { prototype: NunjucksTemplate };
}

// By environment, then path, then text: a key joined from path and text would be a new string of the
// whole template, copied and hashed on every page; the text itself is one string, hashed once.
const compiledByEnvironment = new WeakMap<object, Map<string, Map<string, unknown>>>();
let patched = false;

export function nunjucksCompileCachePlugin(eleventyConfig: UserConfig): void {
  eleventyConfig.on('eleventy.engine.njk', ({ nunjucks }: { nunjucks: NunjucksLib }) => {
    if (patched) return;
    patched = true;
    const compileOnce = nunjucks.Template.prototype._compile;
    nunjucks.Template.prototype._compile = function (this: NunjucksTemplate): void {
      if (this.tmplProps === undefined && typeof this.tmplStr === 'string') {
        let byPath = compiledByEnvironment.get(this.env);
        if (!byPath) compiledByEnvironment.set(this.env, (byPath = new Map()));
        let cache = byPath.get(this.path ?? '');
        if (!cache) byPath.set(this.path ?? '', (cache = new Map()));
        const compiled = cache.get(this.tmplStr);
        if (compiled === undefined) {
          compileOnce.call(this);
          cache.set(this.tmplStr, propsOf(this));
          return;
        }
        this.tmplProps = compiled;
      }
      compileOnce.call(this);
    };
  });
}

/** The compiled props of a Template that has just compiled: its root function and its blocks (b_<name>). */
function propsOf(template: NunjucksTemplate): Record<string, unknown> {
  const { rootRenderFunc, blocks } = template as unknown as { rootRenderFunc: unknown; blocks: Record<string, unknown> };
  const props: Record<string, unknown> = { root: rootRenderFunc };
  for (const [name, block] of Object.entries(blocks)) props[`b_${name}`] = block;
  return props;
}

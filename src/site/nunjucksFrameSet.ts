// Nunjucks sets eight variables a loop iteration (the item and loop.index, loop.first, ...), each by
// Frame.set, which splits the name at its dots anew on every call: at 1,000 articles the pages run about
// 180,000 iterations, and the splitting was most of their cost. This is the same Frame.set with each name
// split once; what it stores, and where, is unchanged.
import type { UserConfig } from '@11ty/eleventy';

interface Frame {
  variables: Record<string, unknown>;
  resolve(name: string, forWrite: boolean): Frame | undefined;
  set(name: string, value: unknown, resolveUp?: boolean): void;
}

interface NunjucksLib {
  runtime: { Frame: { prototype: Frame } };
}

/** Unbounded: its keys are the variable names the templates use, a few dozen. */
const partsByName = new Map<string, string[]>();

/** `name` split at its dots ('loop.index' to ['loop', 'index']), once per name. */
function partsOf(name: string): string[] {
  let parts = partsByName.get(name);
  if (parts === undefined) partsByName.set(name, (parts = name.split('.')));
  return parts;
}

/** Nunjucks' Frame.set (nunjucks/src/runtime.js), but for the split. */
function set(this: Frame, name: string, value: unknown, resolveUp?: boolean): void {
  const parts = partsOf(name);
  if (resolveUp) {
    const frame = this.resolve(parts[0]!, true);
    if (frame) {
      frame.set(name, value);
      return;
    }
  }
  let target = this.variables;
  for (let i = 0; i < parts.length - 1; i++) {
    const id = parts[i]!;
    if (!target[id]) target[id] = {};
    target = target[id] as Record<string, unknown>;
  }
  target[parts[parts.length - 1]!] = value;
}

/** Replaces Frame.set in the Nunjucks library Eleventy renders with; `.eleventy.ts` adds this as a plugin. */
export function nunjucksFrameSetPlugin(eleventyConfig: UserConfig): void {
  eleventyConfig.on('eleventy.engine.njk', ({ nunjucks }: { nunjucks: NunjucksLib }) => {
    nunjucks.runtime.Frame.prototype.set = set;
  });
}

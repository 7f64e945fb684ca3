// Types for citation-js 0.8 (the packages ship none): only what Dossier calls.
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: unknown);
    data: Array<Record<string, unknown>>;
    format(format: string, options?: Record<string, unknown>): string;
  }
  export const plugins: {
    output: { format(format: string, data: readonly object[], options?: Record<string, unknown>): unknown };
    config: PluginConfig;
  };
  interface PluginConfig {
    get(plugin: '@csl'): { styles: { add(name: string, xml: string): void; has(name: string): boolean } };
  }
}
declare module '@citation-js/plugin-csl';
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
declare module '@citation-js/name' {
  export function parse(name: string): { given?: string; family?: string; 'non-dropping-particle'?: string; 'dropping-particle'?: string; suffix?: string };
}

// Types for citation-js 0.8 and citeproc-js 2.4 (the packages ship none): only what Dossier calls.
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
    get(plugin: '@csl'): {
      styles: { add(name: string, xml: string): void; has(name: string): boolean; get(name: string): string };
      locales: { get(lang: string): string | undefined };
    };
  }
}
declare module '@citation-js/plugin-csl';
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
declare module '@citation-js/name' {
  export function parse(name: string): { given?: string; family?: string; 'non-dropping-particle'?: string; 'dropping-particle'?: string; suffix?: string };
}
declare module 'citeproc' {
  namespace CSL {
    interface Sys {
      retrieveItem(id: string): object;
      retrieveLocale(lang: string): string | object;
    }
    /** Bibliography parameters; entry_ids[i] holds the id(s) of the i-th entry. */
    interface BibliographyParams {
      entry_ids: string[][];
    }
    /** A style as citeproc-js's own parser gives it (CSL.parseXml), which the engine also takes. */
    interface StyleNode {
      name: string;
      attrs: Record<string, string>;
      children: Array<StyleNode | string>;
    }
    function parseXml(xml: string): StyleNode;
    class Engine {
      constructor(sys: Sys, style: string | StyleNode, lang?: string, forceLang?: boolean);
      opt: { development_extensions: { wrap_url_and_doi: boolean } };
      setOutputFormat(format: 'html' | 'text' | 'rtf'): void;
      updateItems(ids: string[], nosort?: boolean): string[];
      makeBibliography(): [BibliographyParams, string[]];
    }
  }
  const CSL: { Engine: typeof CSL.Engine };
  export default CSL;
}

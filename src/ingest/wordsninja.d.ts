// Types for wordsninja 1.1.0 (the package ships none): only what Dossier calls.
declare module 'wordsninja' {
  export default class WordsNinja {
    loadDictionary(): Promise<Record<string, number>>;
    splitSentence(text: string, options?: { camelCaseSplitter?: boolean; capitalizeFirstLetter?: boolean; joinWords?: false }): string[];
    addWords(words: string | string[]): void;
  }
}

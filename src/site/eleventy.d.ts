// The few parts of Eleventy 3's API that Dossier uses (the package ships JavaScript without declarations).
declare module '@11ty/eleventy' {
  export interface EleventyDirectories {
    input: string;
    includes: string;
    data: string;
    output: string;
  }

  export interface EleventyAfterEvent {
    directories: EleventyDirectories;
    runMode: 'build' | 'watch' | 'serve';
    outputMode: string;
  }

  export interface UserConfig {
    pathPrefix: string;
    globalData: Record<string, unknown>;
    addGlobalData(name: string, data: unknown): UserConfig;
    addFilter(name: string, fn: (this: unknown, ...args: never[]) => unknown): void;
    addTransform(name: string, fn: (this: { page: { outputPath: string | false } }, content: string) => string | Promise<string>): void;
    // copyOptions go to recursive-copy; `transform` returns a stream a file is piped through, or null.
    addPassthroughCopy(
      mapping: string | Record<string, string>,
      copyOptions?: { transform?: (src: string, dest: string) => import('node:stream').Transform | null },
    ): UserConfig;
    addWatchTarget(target: string, options?: { resetConfig?: boolean }): void;
    addPlugin(plugin: unknown, options?: unknown): unknown;
    setQuietMode(quiet: boolean): void;
    setServerOptions(options: Record<string, unknown>): void;
    on(event: 'eleventy.after', listener: (event: EleventyAfterEvent) => unknown): void;
    on(event: string, listener: (...args: never[]) => unknown): void;
    ignores: { add(glob: string): void };
    setNunjucksEnvironmentOptions(options: Record<string, unknown>): void;
  }

  export interface EleventyOptions {
    configPath?: string;
    pathPrefix?: string;
    quietMode?: boolean;
    config?: (eleventyConfig: UserConfig) => void | Promise<void>;
  }

  export interface ConsoleLike {
    log(message: string): void;
    info(message: string): void;
    warn(message: string): void;
    error(message: string): void;
  }

  export default class Eleventy {
    constructor(input?: string, output?: string, options?: EleventyOptions);
    /** Resolves to [passthrough copy results, template results]. */
    write(): Promise<[unknown[], unknown[]]>;
    /** Renders without writing: one entry per output file (the dev server's fast path). */
    toJSON(): Promise<Array<{ url: string | false; inputPath: string; outputPath: string | false; content: string }>>;
    logger: { overrideLogger(logger: ConsoleLike | false): void };
    setIsVerbose(verbose: boolean): void;
  }
}

// The Eleventy dev server (the one `eleventy --serve` uses), driven directly by `npm start`.
declare module '@11ty/eleventy-dev-server' {
  export interface DevServerOptions {
    port?: number;
    pathPrefix?: string;
    domDiff?: boolean;
    showVersion?: boolean;
    liveReload?: boolean;
    logger?: { info(message: string): void; log(message: string): void; error(message: string): void };
    messageOnStart?: (details: { hosts: string[] }) => string;
  }

  export default class EleventyDevServer {
    static getServer(name: string, dir: string, options?: DevServerOptions): EleventyDevServer;
    serve(port: number): void;
    reload(event: { subtype?: string; files?: string[] }): void;
    sendError(event: { error: Error }): void;
    close(): Promise<void>;
  }
}

/** The parts of citation-js the resource centre uses; the packages ship no type declarations. */
declare module '@citation-js/core' {
  interface ChainOptions {
    forceType?: string;
    generateGraph?: boolean;
    strict?: boolean;
    target?: string;
  }
  export const plugins: {
    input: {
      chain(input: unknown, options?: ChainOptions): unknown;
      chainLink(input: unknown, options?: ChainOptions): unknown;
    };
    output: {
      format(name: string, data: unknown, options?: Record<string, unknown>): unknown;
    };
    config: {
      get(name: '@csl'): { styles: { add(name: string, xml: string): void; has(name: string): boolean } };
    };
  };
}
declare module '@citation-js/plugin-ris';
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-csl';

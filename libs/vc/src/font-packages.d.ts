// subset-font 2 (HarfBuzz's hb-subset, as WebAssembly) ships no types; this is the call we make.

declare module 'subset-font' {
  function subsetFont(font: Buffer, text: string, options: { targetFormat: 'truetype' }): Promise<Buffer>;
  export = subsetFont;
}

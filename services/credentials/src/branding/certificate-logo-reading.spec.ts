import QRCode from 'qrcode';
import { readCertificateLogo } from './certificate-logo-reading';

const svg = (body: string, attributes = 'width="300" height="100" viewBox="0 0 300 100"') =>
  Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" ${attributes}>${body}</svg>`);

describe('certificate logo reading', () => {
  it('keeps a PNG as it is', async () => {
    const png = await QRCode.toBuffer('logo', { type: 'png', scale: 4 });
    const read = await readCertificateLogo({ bytes: png, type: 'image/png' });
    expect(read).toMatchObject({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });
    expect(Buffer.from((read as { png: Uint8Array }).png).equals(png)).toBe(true);
  });

  it('rasterises an SVG of shapes to a PNG that keeps its proportions', async () => {
    const read = await readCertificateLogo({
      bytes: svg(
        '<rect width="300" height="100" fill="#005e99"/><circle cx="50" cy="50" r="40" fill="url(#g)"/>',
      ),
      type: 'image/svg+xml',
    });
    expect(read).toMatchObject({ width: 900, height: 300 });
    expect(
      Buffer.from((read as { png: Uint8Array }).png)
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');
  });

  it.each([
    ['a script', '<script>alert(1)</script>', /<script>/],
    ['an event attribute', '<rect width="1" height="1" onload="alert(1)"/>', /event attribute/],
    ['embedded HTML', '<foreignObject><p>hi</p></foreignObject>', /foreignObject/],
    [
      'an external image',
      '<image href="https://tracker.example/x.png" width="1" height="1"/>',
      /outside the file/,
    ],
    ['an external file', '<image xlink:href="file:///etc/passwd" width="1" height="1"/>', /outside the file/],
    ['a CSS import', '<style>@import url(https://x.example/a.css);</style>', /imports a style sheet/],
    ['a url() outside', '<rect width="1" height="1" fill="url(https://x.example/#p)"/>', /url\(\)/],
  ])('refuses an SVG with %s', async (_, body, problem) => {
    const read = await readCertificateLogo({ bytes: svg(body), type: 'image/svg+xml' });
    expect((read as { problem: string }).problem).toMatch(problem);
  });

  it('refuses entities, files that are not what they say, and images too large', async () => {
    const entity = Buffer.from('<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg>&x;</svg>');
    expect(await readCertificateLogo({ bytes: entity, type: 'image/svg+xml' })).toEqual({
      problem: expect.stringMatching(/DOCTYPE or entities/) as unknown,
    });
    expect(await readCertificateLogo({ bytes: Buffer.from('GIF89a'), type: 'image/png' })).toEqual({
      problem: 'is not a PNG image (no PNG signature and header)',
    });
    expect(await readCertificateLogo({ bytes: Buffer.from('hello'), type: 'image/svg+xml' })).toEqual({
      problem: 'is not an SVG image (no <svg> element)',
    });
    const huge = await QRCode.toBuffer('logo', { type: 'png' });
    huge.writeUInt32BE(5000, 16);
    huge.writeUInt32BE(5000, 20);
    expect(await readCertificateLogo({ bytes: huge, type: 'image/png' })).toEqual({
      problem: 'is 5000 × 5000 pixels; at most 4000 on each side',
    });
    const damaged = await QRCode.toBuffer('logo', { type: 'png' });
    damaged.fill(0, 40);
    expect(await readCertificateLogo({ bytes: damaged, type: 'image/png' })).toEqual({
      problem: 'is a damaged PNG image that cannot be read',
    });
  });
});

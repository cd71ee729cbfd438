import { certificatePdf } from './certificate-pdf';
import { achievementCredential } from './achievement-credential';
import { generateSigningKey } from './keys';
import { pdfStructureProblem } from './pdf-structure';
import { ISSUER, sampleCredentialInput } from './testing/sample-credential';
import { signCredential } from './vc-jwt';

const MB = 1024 * 1024;
const pdf = (text: string) => Buffer.from(text, 'latin1');
const ending = '\nstartxref\n9\n%%EOF\n';

describe('PDF structural check', () => {
  it('passes a certificate of ours', async () => {
    const credential = achievementCredential(sampleCredentialInput());
    const key = generateSigningKey('ES256');
    const jwt = signCredential(credential, {
      algorithm: 'ES256',
      kid: `${ISSUER}/keys/${key.thumbprint}`,
      privateKey: key.privateKeyPem,
    });
    const certificate = await certificatePdf({ credential, jwt, verificationUrl: 'https://x.example/v' });
    expect(pdfStructureProblem(certificate, MB)).toBeUndefined();
  });

  it.each([
    ['a header after some bytes, as readers allow', pdf(`${' '.repeat(1000)}%PDF-1.4\nx${ending}`)],
    ['whitespace after %%EOF', pdf(`%PDF-1.7\nx${ending}\r\n\r\n`)],
    ['an incremental update (two %%EOF)', pdf(`%PDF-1.7\nx${ending}y\nstartxref\n12\n%%EOF`)],
  ])('passes %s', (_case, bytes) => {
    expect(pdfStructureProblem(bytes, MB)).toBeUndefined();
  });

  it.each([
    ['an empty body', pdf(''), 'is empty'],
    ['random bytes', Buffer.alloc(5000, 0xa7), 'has no %PDF- header in its first 1,024 bytes'],
    [
      'a header past the first 1,024 bytes',
      pdf(`${' '.repeat(1024)}%PDF-1.7${ending}`),
      'has no %PDF- header in its first 1,024 bytes',
    ],
    ['a header without a version', pdf(`%PDF-x${ending}`), 'has no %PDF- header in its first 1,024 bytes'],
    ['no end', pdf('%PDF-1.7\nnothing here'), 'has no %%EOF marker in its last 1,024 bytes'],
    [
      '%%EOF followed by more than 1,024 bytes',
      pdf(`%PDF-1.7${ending}${'x'.repeat(1100)}`),
      'has no %%EOF marker in its last 1,024 bytes',
    ],
    [
      '%%EOF without startxref',
      pdf('%PDF-1.7\ntrailer <<>>\n%%EOF'),
      'has no startxref offset before its final %%EOF',
    ],
    [
      'startxref without an offset',
      pdf('%PDF-1.7\nstartxref\n%%EOF'),
      'has no startxref offset before its final %%EOF',
    ],
    [
      'startxref beyond the end',
      pdf('%PDF-1.7\nstartxref\n4096\n%%EOF'),
      'gives a startxref offset beyond its end',
    ],
  ])('refuses %s, saying what is wrong', (_case, bytes, message) => {
    expect(pdfStructureProblem(bytes, MB)).toEqual({ tooLarge: false, message });
  });

  it('refuses a PDF over the size limit before looking at it', () => {
    expect(pdfStructureProblem(pdf(`%PDF-1.7\n${'x'.repeat(2000)}${ending}`), 2000)).toEqual({
      tooLarge: true,
      message: 'is 2,028 bytes; at most 2,000',
    });
  });
});

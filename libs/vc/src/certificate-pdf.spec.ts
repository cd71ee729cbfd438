import { readPdf } from '@lib/testing';
import { PDFDocument } from 'pdf-lib';
import QRCode from 'qrcode';
import { achievementCredential } from './achievement-credential';
import { certificatePdf } from './certificate-pdf';
import { generateSigningKey } from './keys';
import { credentialFromPdf } from './pdf-attachment';
import { summariseCredential } from './summary';
import { ISSUER, sampleCredentialInput } from './testing/sample-credential';
import { signCredential } from './vc-jwt';

const VERIFY_URL = 'https://credits.example.ac.uk/verify?share=AbCdEfGhIjKlMnOpQrStUvWxYz012345';

function signed(name = 'Ada Lovelace') {
  const input = sampleCredentialInput();
  const credential = achievementCredential({ ...input, subject: { ...input.subject, name } });
  const key = generateSigningKey('ES256');
  const jwt = signCredential(credential, {
    algorithm: 'ES256',
    kid: `${ISSUER}/keys/${key.thumbprint}`,
    privateKey: key.privateKeyPem,
  });
  return { credential, jwt };
}

describe('certificate PDF', () => {
  it('reads as the credential says, links to verification by QR code and carries the signed JWT', async () => {
    const { credential, jwt } = signed();
    const pdf = await certificatePdf({ credential, jwt, verificationUrl: VERIFY_URL });

    const read = await readPdf(pdf);
    expect(read.text).toContain('Ada Lovelace');
    expect(read.text).toContain('App building in a day');
    expect(read.text).toContain('5 UK credits at FHEQ level 7 (EQF level 7)');
    expect(read.text).toContain('University of Leeds');
    expect(read.text).toMatch(/Delivered by\s+Code4Health Leeds/);
    expect(read.text).toContain('Awarded on 2 December 2026');
    expect(read.text).toContain('Overall mark: 68%');
    expect(read.qrCodes).toEqual([VERIFY_URL]);
    expect(read.attachments).toEqual({ 'credential.jwt': jwt });
    await expect(credentialFromPdf(pdf)).resolves.toBe(jwt);
  });

  it('prints names outside Latin-1 as written', async () => {
    const { credential, jwt } = signed('Łucja Żółć-Ngũgĩ');
    const read = await readPdf(await certificatePdf({ credential, jwt, verificationUrl: VERIFY_URL }));
    expect(read.text).toContain('Łucja Żółć-Ngũgĩ');
  });

  it.each([
    ['Chinese', '张伟'],
    ['Korean', '김민준'],
    ['Japanese kana', 'さくら'],
    ['Cyrillic', 'Александра Рождественская'],
    ['Greek', 'Νικόλαος Παπαδόπουλος'],
  ])('prints a %s name with glyphs a reader maps back to the name', async (_, name) => {
    const { credential, jwt } = signed(name);
    const read = await readPdf(await certificatePdf({ credential, jwt, verificationUrl: VERIFY_URL }));
    expect(read.text).toContain(name);
  });

  it('is A4 or US Letter, landscape, and shows the signing officer and the logos it is given', async () => {
    const { credential, jwt } = signed();
    const logo = await QRCode.toBuffer('logo', { type: 'png' });
    const branding = {
      awardingBodyLogo: logo,
      deliveringPartnerLogo: logo,
      signingOfficer: { name: 'Professor Jane Okafor', role: 'Academic Registrar' },
    };
    for (const [paper, size] of [
      ['a4', [842, 595]],
      ['letter', [792, 612]],
      [undefined, [842, 595]],
    ] as const) {
      const pdf = await certificatePdf({
        credential,
        jwt,
        verificationUrl: VERIFY_URL,
        branding,
        ...(paper ? { paper } : {}),
      });
      const page = (await PDFDocument.load(pdf)).getPage(0);
      expect([page.getWidth(), page.getHeight()]).toEqual(size);
      const read = await readPdf(pdf);
      expect(read.text).toMatch(/Professor Jane Okafor\s+Academic Registrar/);
      // The logos here are QR codes too, so a reader finds all three images.
      expect(read.qrCodes.sort()).toEqual([VERIFY_URL, 'logo', 'logo'].sort());
    }
  });

  it('finds no credential in a PDF without one', async () => {
    const plain = await PDFDocument.create();
    plain.addPage();
    await expect(credentialFromPdf(await plain.save())).resolves.toBeUndefined();
  });
});

describe('credential summary', () => {
  it('says what the credential certifies in plain words', () => {
    const { credential } = signed();
    expect(summariseCredential(credential)).toEqual({
      credentialId: credential.id,
      learnerName: 'Ada Lovelace',
      course: 'App building in a day',
      courseCode: 'DH-APP-01',
      credits: 5,
      creditScheme: 'UK credits',
      level: 'FHEQ level 7 (EQF level 7)',
      results: ['Overall mark: 68%'],
      awardingBody: 'University of Leeds',
      awardingBodyId: ISSUER,
      deliveringPartner: 'Code4Health Leeds',
      awardedOn: '2026-12-02',
      validUntil: '2031-12-02',
    });
  });

  it('reads what it can from something that is not a credential, without throwing', () => {
    expect(summariseCredential('nonsense')).toEqual({ results: [] });
    expect(summariseCredential({ credentialSubject: [{ name: 7 }], issuer: 'did:web:x' })).toEqual({
      results: [],
      awardingBodyId: 'did:web:x',
    });
  });
});

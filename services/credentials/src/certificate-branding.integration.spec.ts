import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  bearer,
  call,
  readPdf,
  type RunningService,
  startTestService,
  testTopicPrefix,
  waitFor,
} from '@lib/testing';
import jsQR from 'jsqr';
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { PNG } from 'pngjs';
import { assessmentService } from '../../assessment/src/assessment.definition';
import { enrolmentService } from '../../enrolment/src/enrolment.definition';
import { earnCredential } from '../../spec-support/credentials';
import { type University, setUpUniversity } from '../../spec-support/university';
import { credentialsService } from './credentials.definition';
import { pdfToPng, PAGE_POINTS, RENDER_DPI, inkOutside } from '../../spec-support/rendered-pdf';

const cr = '/api/credentials';
/** Where the rendered pages are left, to be looked at. */
const RENDERS = join(tmpdir(), 'credit-bridge-certificates');

async function upload(
  url: string,
  path: string,
  bytes: Buffer,
  type: string,
  headers: Record<string, string>,
) {
  const answer = await fetch(`${url}${path}`, {
    method: 'PUT',
    headers: { ...headers, 'content-type': type },
    body: new Uint8Array(bytes),
  });
  return { status: answer.status, body: (await answer.json()) as any };
}

describe('certificate branding and the composed certificate', () => {
  const prefix = testTopicPrefix();
  let enrolment: RunningService;
  let assessment: RunningService;
  let credentials: RunningService;
  let uni: University;

  beforeAll(async () => {
    mkdirSync(RENDERS, { recursive: true });
    enrolment = await startTestService('enrolment', enrolmentService, { topicPrefix: prefix });
    assessment = await startTestService('assessment', assessmentService, { topicPrefix: prefix });
    credentials = await startTestService('credentials', credentialsService, { topicPrefix: prefix });
    uni = await setUpUniversity(enrolment.url, 5);
  });

  afterAll(async () => {
    await credentials?.stop();
    await assessment?.stop();
    await enrolment?.stop();
  });

  it("takes an organisation's logo from its own staff only, as a safe PNG or SVG", async () => {
    const path = `${cr}/organisations/${uni.awardingBodyId}/certificate-logo`;
    const png = bannerPng(480, 120);
    const stored = await upload(credentials.url, path, png, 'image/png', uni.registrar);
    expect(stored).toMatchObject({ status: 200, body: { organisationId: uni.awardingBodyId } });
    expect(stored.body.logo).toMatchObject({ uploadedAs: 'image/png', width: png.readUInt32BE(16) });

    const script = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    const unsafe = await upload(credentials.url, path, script, 'image/svg+xml', uni.registrar);
    expect(unsafe.status).toBe(400);
    expect(unsafe.body.errors).toEqual([{ field: 'logo', message: expect.stringContaining('<script>') }]);
    const gif = await upload(credentials.url, path, Buffer.from('GIF89a'), 'image/gif', uni.registrar);
    expect(gif.status).toBe(415);
    expect(gif.body.errors).toEqual([{ field: 'logo', message: 'is image/gif; PNG or SVG only' }]);
    const large = await upload(
      credentials.url,
      path,
      Buffer.alloc(513 * 1024, 1),
      'image/png',
      uni.registrar,
    );
    expect(large.status).toBe(413);
    // Another organisation's staff, and the learner, may not.
    expect((await upload(credentials.url, path, png, 'image/png', uni.partner)).status).toBe(404);
    expect((await upload(credentials.url, path, png, 'image/png', bearer('learner'))).status).toBe(403);
  });

  it('draws the certificate of a learner with a long Chinese name, and one with an Arabic name, on A4 and Letter', async () => {
    await brand();
    const stack = { enrolment: enrolment.url, assessment: assessment.url, credentials: credentials.url };
    const learners = {
      chinese: { givenName: '诸葛司马上官皇甫东方长孙慕容', familyName: '欧阳令狐宇文尉迟公孙轩辕澹台' },
      arabic: { givenName: 'فاطمة الزهراء', familyName: 'بنت محمد بن عبد الله الهاشمية' },
    };
    for (const [script, name] of Object.entries(learners)) {
      const details = { email: `learner-${randomUUID().slice(0, 6)}@nhs.example`, ...name };
      const { credential, learnerId } = await earnCredential(stack, uni, 71, details);
      const headers = bearer('learner', { sub: learnerId });
      for (const paper of ['a4', 'letter'] as const) {
        const pdf = await download(credential.credentialId, headers, `&paper=${paper}`);
        const read = await readPdf(pdf);
        expect(read.attachments).toEqual({ 'credential.jwt': credential.jwt });
        expect(read.text).toContain('Professor Jane Okafor');
        // The QR code, the awarding body's logo and the partner's.
        expect(await imagesOn(pdf)).toBe(3);
        if (script === 'chinese') expect(read.text).toContain(`${name.givenName} ${name.familyName}`);

        const file = join(RENDERS, `${script}-${paper}`);
        writeFileSync(`${file}.pdf`, pdf);
        const png = PNG.sync.read(readFileSync(await pdfToPng(`${file}.pdf`, file)));
        const page = PAGE_POINTS[paper];
        expect([png.width, png.height]).toEqual(
          [page.width, page.height].map((points) => Math.ceil((points * RENDER_DPI) / 72)),
        );
        // The QR code opens the credential's certificate link.
        const links = await call(credentials.url, 'GET', `${cr}/learners/me/share-links`, { headers });
        const link = links.body.items.find((each: { purpose: string }) => each.purpose === 'certificate');
        expect(jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data).toBe(link.url);
        // Nothing is printed outside the frame, nor between the frame and the content margin.
        expect(inkOutside(png, { from: 0, to: 16 })).toEqual([]);
        expect(inkOutside(png, { from: 27, to: 43 })).toEqual([]);
      }
    }
  }, 180_000);

  it('draws A4 unless asked, and refuses a paper it does not know', async () => {
    const { credential, learnerId } = await earnCredential(
      { enrolment: enrolment.url, assessment: assessment.url, credentials: credentials.url },
      uni,
      64,
    );
    const headers = bearer('learner', { sub: learnerId });
    const png = PNG.sync.read(
      readFileSync(
        await pdfToPng(
          writeTemp(await download(credential.credentialId, headers, '')),
          join(RENDERS, 'default'),
        ),
      ),
    );
    expect(png.width).toBe(Math.ceil((PAGE_POINTS.a4.width * RENDER_DPI) / 72));
    const answer = await call(
      credentials.url,
      'GET',
      `${cr}/learners/me/credentials/${credential.credentialId}/download?format=pdf&paper=a5`,
      { headers },
    );
    expect(answer.status).toBe(400);
    expect(answer.body.errors[0]).toMatchObject({ field: 'paper' });
  }, 120_000);

  /** The registrar names the signing officer (once the awarding body is an issuer here); the partner's staff upload its logo. */
  async function brand(): Promise<void> {
    await waitFor(
      async () =>
        (
          await call(credentials.url, 'PUT', `${cr}/issuers/${uni.awardingBodyId}/certificate-branding`, {
            headers: uni.registrar,
            body: { signingOfficer: { name: 'Professor Jane Okafor', role: 'Academic Registrar' } },
          })
        ).status === 200,
      { what: 'the awarding body to be an issuer' },
    );
    const svg = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 240 60"><rect width="240" height="60" rx="8" fill="#2a7d4f"/><circle cx="30" cy="30" r="18" fill="#fff"/></svg>',
    );
    const partnerLogo = await upload(
      credentials.url,
      `${cr}/organisations/${uni.partnerId}/certificate-logo`,
      svg,
      'image/svg+xml',
      uni.partner,
    );
    expect(partnerLogo).toMatchObject({
      status: 200,
      body: { logo: { uploadedAs: 'image/svg+xml', width: 1200, height: 300 } },
    });
  }

  async function download(
    credentialId: string,
    headers: Record<string, string>,
    query: string,
  ): Promise<Buffer> {
    const answer = await fetch(
      `${credentials.url}${cr}/learners/me/credentials/${credentialId}/download?format=pdf${query}`,
      { headers },
    );
    expect(answer.status).toBe(200);
    return Buffer.from(await answer.arrayBuffer());
  }
});

async function imagesOn(pdf: Buffer): Promise<number> {
  const page = (await PDFDocument.load(pdf)).getPage(0);
  const images = page.node.Resources()?.lookupMaybe(PDFName.of('XObject'), PDFDict);
  return images?.keys().length ?? 0;
}

function writeTemp(pdf: Buffer): string {
  const file = join(RENDERS, `certificate-${randomUUID()}.pdf`);
  writeFileSync(file, pdf);
  return file;
}

/** A logo-like PNG: a blue banner with a white bar across it (not a QR code, which would be read as the link). */
function bannerPng(width: number, height: number): Buffer {
  const png = new PNG({ width, height });
  for (let y = 0; y < height; y += 1)
    for (let x = 0; x < width; x += 1) {
      const bar = y > height * 0.4 && y < height * 0.6 && x > width * 0.1 && x < width * 0.9;
      png.data.set(bar ? [255, 255, 255, 255] : [0, 94, 153, 255], (y * width + x) * 4);
    }
  return PNG.sync.write(png);
}

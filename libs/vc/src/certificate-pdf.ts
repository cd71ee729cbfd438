import { readFile } from 'node:fs/promises';
import { PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib';
import QRCode from 'qrcode';
import { summariseCredential } from './summary';

/** The name the signed credential has inside the certificate; verifiers look for it first. */
export const CERTIFICATE_ATTACHMENT_NAME = 'credential.jwt';

export interface CertificateInput {
  /** The decoded credential: what the certificate says comes from it, nothing else. */
  credential: unknown;
  /** The compact VC-JWT, attached to the PDF so the certificate can be verified by machine. */
  jwt: string;
  /** The public verification link the QR code opens. */
  verificationUrl: string;
}

const PAGE = { width: 842, height: 595 }; // A4 landscape, in points
const MARGIN = 56;
const INK = rgb(0.1, 0.12, 0.16);
const MUTED = rgb(0.35, 0.38, 0.44);
const ACCENT = rgb(0.0, 0.37, 0.6);

/** A certificate a person can read, carrying the credential a machine can verify. */
export async function certificatePdf(input: CertificateInput): Promise<Uint8Array> {
  const summary = summariseCredential(input.credential);
  const document = await PDFDocument.create();
  // Loaded when a certificate is made: it is most of what importing this library costs, and most users never need it.
  document.registerFontkit((await import('@pdf-lib/fontkit')).default);
  // A Unicode font, so every learner's name prints as written (the standard PDF fonts cover Latin-1 only).
  const [regular, bold] = await Promise.all([
    fontBytes('DejaVuSans.ttf').then((bytes) => document.embedFont(bytes, { subset: true })),
    fontBytes('DejaVuSans-Bold.ttf').then((bytes) => document.embedFont(bytes, { subset: true })),
  ]);
  const page = document.addPage([PAGE.width, PAGE.height]);
  page.drawRectangle({
    x: 24,
    y: 24,
    width: PAGE.width - 48,
    height: PAGE.height - 48,
    borderColor: ACCENT,
    borderWidth: 2,
  });

  const writer = new LineWriter(page, PAGE.height - MARGIN - 10, PAGE.width - 2 * MARGIN - 170);
  writer.write(summary.awardingBody ?? 'Awarding body not named', bold, 16, ACCENT);
  writer.gap(18);
  writer.write('This is to certify that', regular, 13, MUTED);
  writer.write(summary.learnerName ?? 'the holder of this credential', bold, 28, INK);
  writer.gap(4);
  writer.write('has achieved', regular, 13, MUTED);
  writer.write(summary.course ?? 'an achievement', bold, 22, INK);
  writer.gap(6);
  writer.write(creditLine(summary.credits, summary.creditScheme, summary.level), regular, 14, INK);
  if (summary.results.length > 0) writer.write(summary.results.join(' · '), regular, 12, INK);
  writer.gap(10);
  if (summary.deliveringPartner) writer.write(`Delivered by ${summary.deliveringPartner}`, regular, 12, INK);
  if (summary.awardedOn) writer.write(`Awarded on ${longDate(summary.awardedOn)}`, regular, 12, INK);
  if (summary.validUntil) writer.write(`Valid until ${longDate(summary.validUntil)}`, regular, 12, INK);

  await drawVerification(document, page, regular, input.verificationUrl, summary.credentialId);
  await document.attach(Buffer.from(input.jwt, 'utf8'), CERTIFICATE_ATTACHMENT_NAME, {
    mimeType: 'application/vc+jwt',
    description: 'The signed credential (Open Badges 3.0, VC-JWT). Verify it at the link on the certificate.',
  });
  document.setTitle(`${summary.course ?? 'Credential'}: ${summary.learnerName ?? ''}`.trim());
  document.setAuthor(summary.awardingBody ?? '');
  document.setSubject(summary.credentialId ?? '');
  document.setProducer('Credit Bridge');
  document.setCreator('Credit Bridge');
  return document.save();
}

async function drawVerification(
  document: PDFDocument,
  page: PDFPage,
  font: PDFFont,
  url: string,
  credentialId: string | undefined,
): Promise<void> {
  const png = await QRCode.toBuffer(url, { errorCorrectionLevel: 'M', margin: 2, scale: 6, type: 'png' });
  const image = await document.embedPng(png);
  const size = 140;
  const x = PAGE.width - MARGIN - size;
  page.drawImage(image, { x, y: MARGIN + 40, width: size, height: size });
  page.drawText('Scan to verify', { x, y: MARGIN + 26, size: 10, font, color: MUTED });
  const footer = [
    `Verify this certificate at ${url}`,
    ...(credentialId ? [`Credential ${credentialId}`] : []),
    'The signed credential is attached to this PDF as credential.jwt.',
  ];
  footer.forEach((line, index) =>
    page.drawText(line, { x: MARGIN, y: MARGIN + 26 - index * 12, size: 8, font, color: MUTED }),
  );
}

/** Writes lines down the page, wrapping long text to the width it is given. */
class LineWriter {
  constructor(
    private readonly page: PDFPage,
    private y: number,
    private readonly width: number,
  ) {}

  write(text: string, font: PDFFont, size: number, color: ReturnType<typeof rgb>): void {
    for (const line of wrap(text, font, size, this.width)) {
      this.y -= size * 1.25;
      this.page.drawText(line, { x: MARGIN, y: this.y, size, font, color });
    }
  }

  gap(points: number): void {
    this.y -= points;
  }
}

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && font.widthOfTextAtSize(candidate, size) > width) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  return line ? [...lines, line] : lines;
}

function creditLine(credits?: number, scheme?: string, level?: string): string {
  const creditText = credits === undefined ? undefined : `${credits} ${scheme ?? 'credits'}`;
  return [creditText, level ? `at ${level}` : undefined].filter(Boolean).join(' ') || 'Credits not stated';
}

function longDate(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  return Number.isNaN(date.getTime())
    ? isoDate
    : date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

const fonts = new Map<string, Promise<Buffer>>();

function fontBytes(file: string): Promise<Buffer> {
  let bytes = fonts.get(file);
  if (!bytes) {
    bytes = readFile(require.resolve(`dejavu-fonts-ttf/ttf/${file}`));
    fonts.set(file, bytes);
  }
  return bytes;
}

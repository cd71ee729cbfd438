import {
  type Block,
  gap,
  heightOf,
  imageBlock,
  type Placed,
  ruleBlock,
  stack,
  textBlock,
  type Tone,
} from './certificate-blocks';
import type { FontBook, Weight } from './certificate-fonts';
import type { CredentialSummary } from './summary';

/** Landscape pages, in points: A4 (297 × 210 mm) and US Letter (11 × 8.5 in). */
export const PAPER_SIZES = {
  a4: { width: 842, height: 595 },
  letter: { width: 792, height: 612 },
} as const;
export type PaperSize = keyof typeof PAPER_SIZES;
export const PAPER_SIZE_NAMES = Object.keys(PAPER_SIZES) as [PaperSize, ...PaperSize[]];

/** Nothing is printed outside this distance from the page's edges, bar the frame. */
export const CONTENT_MARGIN = 44;
export const FRAME_INSETS = [18, 25] as const;

export interface SigningOfficer {
  name: string;
  role: string;
}

/** What goes on a certificate, and the natural sizes of the logos it shows. */
export interface CertificateContent {
  summary: CredentialSummary;
  verificationUrl: string;
  signingOfficer?: SigningOfficer;
  logos: { awardingBodyLogo?: Size; deliveringPartnerLogo?: Size };
  paper: PaperSize;
}

interface Size {
  width: number;
  height: number;
}

export interface Composition {
  page: Size;
  elements: Placed[];
}

const QR_SIZE = 104;
/** The band across the foot of the page: signature, delivering partner, QR code. */
const BAND = { bottom: CONTENT_MARGIN + 24, height: 120 };

/** Every text a certificate prints, with its weight: what the fonts are chosen for before anything is measured. */
export function certificateTexts(content: CertificateContent): [string, Weight][] {
  const { summary } = content;
  return [
    ...bodyTexts(summary).map(([text, , weight]) => [text, weight] as [string, Weight]),
    ...footerTexts(content).map((text) => [text, 'regular'] as [string, Weight]),
    ['Delivered by', 'regular'],
    [summary.deliveringPartner ?? '', 'bold'],
    [content.signingOfficer?.name ?? '', 'bold'],
    [content.signingOfficer?.role ?? '', 'regular'],
    ['Scan to verify', 'regular'],
  ];
}

/** Lays the certificate out: centred, the body in the middle, the signature, partner and QR code along the foot. */
export function composeCertificate(book: FontBook, content: CertificateContent): Composition {
  const page = PAPER_SIZES[content.paper];
  return {
    page,
    elements: [...body(book, content, page), ...band(book, content, page), ...footer(book, content, page)],
  };
}

type BodyText = [text: string, tone: Tone, weight: Weight, size: number, minSize: number, maxLines: number];

function bodyTexts(summary: CredentialSummary): BodyText[] {
  const dates = [
    summary.awardedOn ? `Awarded on ${longDate(summary.awardedOn)}` : undefined,
    summary.validUntil ? `Valid until ${longDate(summary.validUntil)}` : undefined,
  ].filter(Boolean);
  return [
    [summary.awardingBody ?? 'Awarding body not named', 'accent', 'bold', 16, 10, 2],
    ['This is to certify that', 'muted', 'regular', 12, 12, 1],
    [summary.learnerName ?? 'the holder of this credential', 'ink', 'bold', 30, 16, 2],
    ['has achieved', 'muted', 'regular', 12, 12, 1],
    [summary.course ?? 'an achievement', 'ink', 'bold', 21, 12, 2],
    [creditLine(summary.credits, summary.creditScheme, summary.level), 'ink', 'regular', 13, 9, 2],
    [summary.results.join(' · '), 'ink', 'regular', 11, 8, 2],
    [dates.join('   ·   '), 'muted', 'regular', 11, 8, 1],
  ];
}

/** The middle of the page, centred across and down; made smaller as a whole when long texts need the room. */
function body(book: FontBook, content: CertificateContent, page: Size): Placed[] {
  const top = page.height - CONTENT_MARGIN;
  const room = top - (BAND.bottom + BAND.height + 12);
  for (let scale = 1; ; scale *= 0.9) {
    const blocks = bodyBlocks(book, content, page, scale);
    const height = heightOf(blocks);
    if (height <= room || scale < 0.3) return stack(blocks, top - Math.max(0, room - height) / 2);
  }
}

function bodyBlocks(book: FontBook, content: CertificateContent, page: Size, scale: number): Block[] {
  const centre = page.width / 2;
  const width = page.width - 2 * (CONTENT_MARGIN + 40);
  const texts = bodyTexts(content.summary).map(([text, tone, weight, size, minSize, maxLines]) =>
    text
      ? textBlock(
          book,
          text,
          { weight, size: size * scale, minSize: minSize * scale, width, maxLines },
          tone,
          centre,
        )
      : gap(0),
  );
  const [awardingBody, certify, learner, achieved, course, credits, results, dates] = texts as [
    Block,
    Block,
    Block,
    Block,
    Block,
    Block,
    Block,
    Block,
  ];
  const logo = content.logos.awardingBodyLogo;
  return [
    ...(logo
      ? [imageBlock('awardingBodyLogo', logo, { width: 240, height: 60 * scale }, centre), gap(10 * scale)]
      : []),
    awardingBody,
    gap(18 * scale),
    certify,
    gap(8 * scale),
    learner,
    ruleBlock(Math.min(320, width), centre, 16 * scale),
    achieved,
    gap(8 * scale),
    course,
    gap(10 * scale),
    credits,
    gap(4 * scale),
    results,
    gap(8 * scale),
    dates,
  ];
}

/** Along the foot: the signature block (left), the delivering partner (centre), the QR code (right). */
function band(book: FontBook, content: CertificateContent, page: Size): Placed[] {
  const column = (page.width - 2 * CONTENT_MARGIN - 2 * 16) / 3;
  const top = BAND.bottom + BAND.height;
  const columnText = (weight: Weight, size: number, maxLines = 2) => ({
    weight,
    size,
    minSize: 7,
    width: column,
    maxLines,
  });
  const left = CONTENT_MARGIN + column / 2;
  const officer = content.signingOfficer;
  const signature = officer
    ? [
        gap(44),
        ruleBlock(column * 0.85, left, 8),
        textBlock(book, officer.name, columnText('bold', 11), 'ink', left),
        gap(2),
        textBlock(book, officer.role, columnText('regular', 9.5), 'muted', left),
      ]
    : [];
  const partner = content.summary.deliveringPartner;
  const logo = content.logos.deliveringPartnerLogo;
  const middle = partner
    ? [
        gap(20),
        textBlock(book, 'Delivered by', columnText('regular', 9, 1), 'muted', page.width / 2),
        gap(6),
        ...(logo
          ? [imageBlock('deliveringPartnerLogo', logo, { width: 160, height: 40 }, page.width / 2), gap(6)]
          : []),
        textBlock(book, partner, columnText('bold', 11), 'ink', page.width / 2),
      ]
    : [];
  const qrCentre = page.width - CONTENT_MARGIN - QR_SIZE / 2;
  const qr = [
    imageBlock('qrCode', { width: 1, height: 1 }, { width: QR_SIZE, height: QR_SIZE }, qrCentre),
    gap(2),
    textBlock(book, 'Scan to verify', columnText('regular', 8.5, 1), 'muted', qrCentre),
  ];
  return [...stack(signature, top), ...stack(middle, top), ...stack(qr, top)];
}

function footerTexts(content: CertificateContent): string[] {
  const id = content.summary.credentialId;
  return [
    `Verify this certificate at ${content.verificationUrl}`,
    `${id ? `Credential ${id}. ` : ''}The signed credential is attached to this PDF as credential.jwt.`,
  ];
}

function footer(book: FontBook, content: CertificateContent, page: Size): Placed[] {
  const width = page.width - 2 * CONTENT_MARGIN;
  const blocks = footerTexts(content).map((text) =>
    textBlock(
      book,
      text,
      { weight: 'regular', size: 7.5, minSize: 5, width, maxLines: 2 },
      'muted',
      page.width / 2,
    ),
  );
  return stack(blocks, CONTENT_MARGIN + heightOf(blocks));
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

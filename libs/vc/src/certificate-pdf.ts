import { PDFDocument, type PDFImage, type PDFPage, rgb } from 'pdf-lib';
import QRCode from 'qrcode';
import type { ImageName, Placed, Tone } from './certificate-blocks';
import { FontBook } from './certificate-fonts';
import {
  type CertificateContent,
  certificateTexts,
  composeCertificate,
  FRAME_INSETS,
  type PaperSize,
  type SigningOfficer,
} from './certificate-layout';
import { drawShaped } from './shaped-text-drawing';
import { summariseCredential } from './summary';

/** The name the signed credential has inside the certificate; verifiers look for it first. */
export const CERTIFICATE_ATTACHMENT_NAME = 'credential.jwt';

/**
 * How the awarding body presents its certificates: its logo, the delivering partner's, and who signs. Not part of
 * the signed credential: the certificate shows them as they are when it is made.
 */
export interface CertificateBranding {
  /** PNG bytes (an SVG upload is rasterised to PNG when it is uploaded). */
  awardingBodyLogo?: Uint8Array;
  deliveringPartnerLogo?: Uint8Array;
  signingOfficer?: SigningOfficer;
}

export interface CertificateInput {
  /** The decoded credential: what the certificate says comes from it, nothing else. */
  credential: unknown;
  /** The compact VC-JWT, attached to the PDF so the certificate can be verified by machine. */
  jwt: string;
  /** The public verification link the QR code opens. */
  verificationUrl: string;
  branding?: CertificateBranding;
  /** A4 unless said. */
  paper?: PaperSize;
}

const TONES: Record<Tone, ReturnType<typeof rgb>> = {
  ink: rgb(0.1, 0.12, 0.16),
  muted: rgb(0.35, 0.38, 0.44),
  accent: rgb(0.0, 0.37, 0.6),
};

/** A certificate a person can read and frame, carrying the credential a machine can verify. */
export async function certificatePdf(input: CertificateInput): Promise<Uint8Array> {
  const summary = summariseCredential(input.credential);
  const document = await PDFDocument.create();
  const images = await embedImages(document, input);
  const content: CertificateContent = {
    summary,
    verificationUrl: input.verificationUrl,
    ...(input.branding?.signingOfficer ? { signingOfficer: input.branding.signingOfficer } : {}),
    logos: {
      ...(images.awardingBodyLogo ? { awardingBodyLogo: images.awardingBodyLogo.size() } : {}),
      ...(images.deliveringPartnerLogo ? { deliveringPartnerLogo: images.deliveringPartnerLogo.size() } : {}),
    },
    paper: input.paper ?? 'a4',
  };
  const book = await FontBook.for(document, certificateTexts(content));
  const composition = composeCertificate(book, content);
  const page = document.addPage([composition.page.width, composition.page.height]);
  drawFrame(page);
  for (const element of composition.elements) draw(page, element, images);

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

async function embedImages(
  document: PDFDocument,
  input: CertificateInput,
): Promise<Partial<Record<ImageName, PDFImage>>> {
  const qr = await QRCode.toBuffer(input.verificationUrl, {
    errorCorrectionLevel: 'M',
    margin: 2,
    scale: 6,
    type: 'png',
  });
  const { awardingBodyLogo, deliveringPartnerLogo } = input.branding ?? {};
  return {
    qrCode: await document.embedPng(qr),
    ...(awardingBodyLogo ? { awardingBodyLogo: await document.embedPng(awardingBodyLogo) } : {}),
    ...(deliveringPartnerLogo
      ? { deliveringPartnerLogo: await document.embedPng(deliveringPartnerLogo) }
      : {}),
  };
}

/** A double rule around the page, in the accent colour. */
function drawFrame(page: PDFPage): void {
  const { width, height } = page.getSize();
  FRAME_INSETS.forEach((inset, index) =>
    page.drawRectangle({
      x: inset,
      y: inset,
      width: width - 2 * inset,
      height: height - 2 * inset,
      borderColor: TONES.accent,
      borderWidth: index === 0 ? 2.5 : 0.6,
    }),
  );
}

function draw(page: PDFPage, element: Placed, images: Partial<Record<ImageName, PDFImage>>): void {
  if (element.kind === 'text') {
    drawShaped(page, element.line, {
      x: element.x,
      y: element.y,
      size: element.size,
      color: TONES[element.tone],
    });
  } else if (element.kind === 'rule') {
    page.drawLine({
      start: { x: element.x, y: element.y },
      end: { x: element.x + element.width, y: element.y },
      thickness: 0.6,
      color: TONES.muted,
    });
  } else {
    const image = images[element.image];
    if (image)
      page.drawImage(image, { x: element.x, y: element.y, width: element.width, height: element.height });
  }
}

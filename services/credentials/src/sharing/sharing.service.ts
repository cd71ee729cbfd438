import { randomBytes } from 'node:crypto';
import type { Actor } from '@lib/auth';
import { mapPage, type Page, type Pagination } from '@lib/persistence';
import { type ServiceConfig, SERVICE_CONFIG } from '@lib/platform';
import { credentialOfOwnJwt, envelope, type PaperSize, summariseCredential } from '@lib/vc';
import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { IssuersService } from '../issuers/issuers.service';
import type { IssuedCredential } from '../issuing/issued-credential.schema';
import { IssuingRepository } from '../issuing/issuing.repository';
import { CertificateBrandingService } from '../branding/certificate-branding.service';
import { CertificateRenderer } from './certificate-renderer';
import type { ShareLink, ShareLinkPurpose } from './share-link.schema';
import { ShareLinksRepository } from './share-links.repository';

/** A share link as its learner sees it. */
export interface ShareLinkView {
  token: string;
  credentialId: string;
  purpose: ShareLinkPurpose;
  /** The public verification page, opened on this credential. */
  url: string;
  /** The credential itself, as JSON, for machines. */
  dataUrl: string;
  createdAt: string;
  withdrawnAt?: string;
}

/** A download: the file's name and type, and what it holds. */
export interface CredentialFile {
  fileName: string;
  contentType: 'application/pdf' | 'application/vc+jwt' | 'application/json' | 'application/vc';
  body: Buffer | string;
}

export type DownloadFormat = 'jwt' | 'json' | 'pdf' | 'data-integrity';

/** A credential as a learner downloads it, or as a share link shows it: the signed JWT and what it says. */
export interface CredentialDocument {
  credentialId: string;
  jwt: string;
  credential: unknown;
  envelope: ReturnType<typeof envelope>;
}

@Injectable()
export class SharingService {
  constructor(
    private readonly issuing: IssuingRepository,
    private readonly links: ShareLinksRepository,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    private readonly certificates: CertificateRenderer,
    private readonly branding: CertificateBrandingService,
    private readonly issuers: IssuersService,
  ) {}

  /** The learner's own credential, whole. */
  async own(actor: Actor, credentialId: string): Promise<CredentialDocument> {
    return document(await this.ownCredential(actor, credentialId));
  }

  /**
   * The learner's credential as a file: the signed JWT, the decoded JSON, the certificate PDF (on A4 or US Letter),
   * or the credential with a Data Integrity proof.
   */
  async download(
    actor: Actor,
    credentialId: string,
    format: DownloadFormat,
    paper: PaperSize = 'a4',
  ): Promise<CredentialFile> {
    const name = `credential-${credentialId.slice('urn:uuid:'.length)}`;
    if (format === 'pdf') {
      const pdf = await this.certificate(actor, credentialId, paper);
      return { fileName: `${name}.pdf`, contentType: 'application/pdf', body: Buffer.from(pdf) };
    }
    if (format === 'data-integrity') {
      const proved = await this.dataIntegrityForm(await this.ownCredential(actor, credentialId));
      // application/vc: VC 2.0's media type of a credential secured by an embedded proof (a .json, to open anywhere).
      return {
        fileName: `${name}.json`,
        contentType: 'application/vc',
        body: JSON.stringify(proved, null, 2),
      };
    }
    const document = await this.own(actor, credentialId);
    return format === 'jwt'
      ? { fileName: `${name}.jwt`, contentType: 'application/vc+jwt', body: document.jwt }
      : {
          fileName: `${name}.json`,
          contentType: 'application/json',
          body: JSON.stringify(document, null, 2),
        };
  }

  /** The learner's own credential record, and its Data Integrity form (for an offline bundle). */
  async ownWithProof(
    actor: Actor,
    credentialId: string,
  ): Promise<{ issued: IssuedCredential; dataIntegrity: Record<string, unknown> }> {
    const issued = await this.ownCredential(actor, credentialId);
    return { issued, dataIntegrity: await this.dataIntegrityForm(issued) };
  }

  async share(actor: Actor, credentialId: string): Promise<ShareLinkView> {
    const credential = await this.ownCredential(actor, credentialId);
    return this.view(await this.newLink(credential, 'share'));
  }

  /**
   * The learner's certificate: a PDF whose QR code opens the verification page through the credential's
   * certificate link (made on the first download, made anew if the learner withdrew it). The logos and signing
   * officer are the organisations' as they are now: they are not part of the signed credential.
   */
  async certificate(actor: Actor, credentialId: string, paper: PaperSize = 'a4'): Promise<Uint8Array> {
    const credential = await this.ownCredential(actor, credentialId);
    const link = await this.certificateLink(credential);
    const { credential: decoded } = document(credential);
    const summary = summariseCredential(decoded);
    const awardingBodyId = summary.awardingBodyId && this.issuers.ownIssuerIdOf(summary.awardingBodyId);
    return this.certificates.render({
      credential: decoded,
      jwt: credential.jwt,
      verificationUrl: this.url(link._id),
      branding: await this.branding.forCertificate(awardingBodyId, deliveringPartnerIdOf(decoded)),
      paper,
    });
  }

  /** The link a certificate's QR code carries: the credential's live one, or a new one when it has none. */
  async certificateLink(credential: IssuedCredential): Promise<ShareLink> {
    return (await this.liveCertificateLink(credential)) ?? (await this.newLink(credential, 'certificate'));
  }

  async linksOf(actor: Actor, pagination: Pagination): Promise<Page<ShareLinkView>> {
    const page = await this.links.linksOf(actor.sub, pagination);
    const withdrawn = await this.withdrawalsOf(page.items.map((link) => link._id));
    return mapPage(page, (link) => this.view(link, withdrawn.get(link._id)));
  }

  async withdraw(actor: Actor, token: string): Promise<void> {
    const link = await this.links.findLink(token);
    if (!link || link.learnerId !== actor.sub) throw new NotFoundException('No such share link of yours.');
    if (!(await this.links.insertWithdrawal({ _id: token, withdrawnAt: new Date() }))) {
      throw new ConflictException('This share link is withdrawn already.');
    }
  }

  /** Public: what a live share link shows. */
  async open(token: string): Promise<CredentialDocument> {
    const [link, withdrawn] = await Promise.all([
      this.links.findLink(token),
      this.links.findWithdrawal(token),
    ]);
    const credential = link && !withdrawn ? await this.issuing.credentialById(link.credentialId) : null;
    if (!credential) throw new NotFoundException('This share link does not exist or was withdrawn.');
    return document(credential);
  }

  private async newLink(credential: IssuedCredential, purpose: ShareLinkPurpose): Promise<ShareLink> {
    const link: ShareLink = {
      _id: randomBytes(24).toString('base64url'),
      credentialId: credential.credentialId,
      learnerId: credential.learnerId,
      purpose,
      createdAt: new Date(),
    };
    await this.links.insertLink(link);
    return link;
  }

  private async liveCertificateLink(credential: IssuedCredential): Promise<ShareLink | undefined> {
    const links = await this.links.certificateLinksOf(credential.credentialId);
    const withdrawn = await this.withdrawalsOf(links.map((link) => link._id));
    return links.find((link) => !withdrawn.has(link._id));
  }

  private async withdrawalsOf(tokens: string[]): Promise<Map<string, Date>> {
    const found = await this.links.withdrawalsOf(tokens);
    return new Map(found.map((withdrawal) => [withdrawal._id, withdrawal.withdrawnAt]));
  }

  private view(link: ShareLink, withdrawnAt?: Date): ShareLinkView {
    return {
      token: link._id,
      credentialId: link.credentialId,
      purpose: link.purpose,
      url: this.url(link._id),
      dataUrl: `${this.config.publicBaseUrl}/api/credentials/shared/${link._id}`,
      createdAt: link.createdAt.toISOString(),
      ...(withdrawnAt ? { withdrawnAt: withdrawnAt.toISOString() } : {}),
    };
  }

  /** Share links and the certificate's QR code open the public verification page with the result shown. */
  private url(token: string): string {
    return `${this.config.publicBaseUrl}/verify?share=${token}`;
  }

  /**
   * The credential the JWT carries, secured instead by an eddsa-rdfc-2022 proof of the body's current Ed25519 key,
   * made at its validFrom so that each download is the same document. Only the issuer's id changes, to the body's
   * DID: a Data Integrity proof's verification method must be controlled by the credential's issuer.
   */
  private async dataIntegrityForm(issued: IssuedCredential): Promise<Record<string, unknown>> {
    const vc = document(issued).credential as { issuer: object; validFrom: string; '@context': string[] };
    const issuer = { ...vc.issuer, id: this.issuers.issuerDid(issued.awardingBodyId) };
    return this.issuers.prove(issued.awardingBodyId, { ...vc, issuer }, vc.validFrom);
  }

  private async ownCredential(actor: Actor, credentialId: string): Promise<IssuedCredential> {
    const credential = await this.issuing.credentialById(credentialId);
    if (!credential || credential.learnerId !== actor.sub)
      throw new NotFoundException(`No credential ${credentialId} of yours.`);
    return credential;
  }
}

function document(credential: IssuedCredential): CredentialDocument {
  return {
    credentialId: credential.credentialId,
    jwt: credential.jwt,
    credential: credentialOfOwnJwt(credential.jwt),
    envelope: envelope(credential.jwt),
  };
}

/** Our credentials name the delivering partner as `source`, with id `urn:uuid:<organisation id>`. */
function deliveringPartnerIdOf(credential: unknown): string | undefined {
  const subject = (credential as { credentialSubject?: { source?: { id?: unknown } } }).credentialSubject;
  const id = subject?.source?.id;
  return typeof id === 'string' && id.startsWith('urn:uuid:') ? id.slice('urn:uuid:'.length) : undefined;
}

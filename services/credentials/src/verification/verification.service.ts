import { notHereYet } from '@lib/platform';
import { mapConcurrently } from '@lib/persistence';
import {
  type HttpSource,
  isOfflineBundle,
  type OfflineVerificationResult,
  verifyBundle,
  type PartnerQuestion,
  remoteKeyResolver,
  remoteStatusReader,
  type VerificationContext,
  type VerificationResult,
  verifyCredential,
  type VerifyOptions,
} from '@lib/vc';
import { Inject, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { CredentialMetrics } from '../common/credential-metrics';
import { CREDENTIALS_SETTINGS, type CredentialsSettings } from '../credentials-settings';
import { SharingService } from '../sharing/sharing.service';
import { UploadReader } from '../uploads/upload-reader';
import { type BatchSummary, batchSummaryOf } from './batch-summary';
import { OwnIssuerLookups } from './own-issuer-lookups';
import { TrustListService } from './trust-list.service';
import { type VcApiResult, vcApiResultOf } from './vc-api-result';
import { REMOTE_DOCUMENTS } from './remote-documents.provider';
import type { HoldQuestion } from './verification.dto';
import type { BatchUpload, TrustScope, VerifySubmission } from './verification-request';

/**
 * Verifies credentials for anyone who asks: ours from our own records, other trusted issuers' over HTTP (JWK sets,
 * DID documents, key documents and status lists fetched through the outbound guard, with time and size limits,
 * cached as their answers allow). Which external issuers are trusted depends on who asks: an awarding body
 * (`organisationId`) trusts its own list and the hub-wide one; everyone else, the hub-wide list alone. Our own
 * awarding bodies are trusted by all.
 */
@Injectable()
export class VerificationService {
  private readonly logger = new Logger(VerificationService.name);

  constructor(
    private readonly own: OwnIssuerLookups,
    private readonly trustList: TrustListService,
    private readonly sharing: SharingService,
    private readonly uploads: UploadReader,
    @Inject(REMOTE_DOCUMENTS) private readonly http: HttpSource,
    @Inject(CREDENTIALS_SETTINGS) private readonly settings: CredentialsSettings,
    private readonly metrics: CredentialMetrics,
  ) {}

  async verify(
    credential: unknown,
    options: VerifyOptions = {},
    scope: TrustScope = {},
  ): Promise<VerificationResult> {
    const context = await this.contextFor(scope);
    return this.metrics.verified(() => verifyCredential(credential, context, options));
  }

  /** `POST /verify`: a credential, the one a certificate PDF carries, or an offline bundle. */
  verifySubmission(submission: VerifySubmission): Promise<VerificationResult> {
    if (submission.kind === 'pdf') return this.verifyPdf(submission.pdf, submission.options, submission);
    if (isOfflineBundle(submission.credential))
      return this.verifyOfflineBundle(submission.credential, submission.options, submission);
    return this.verify(submission.credential, submission.options, submission);
  }

  /**
   * An offline bundle: statuses as last known at its snapshot. Our trust list still decides trust, and a trusted
   * issuer's keys are the ones we know (our own issuers' from our records, an external issuer's as it publishes
   * them), never the bundle's: a bundle forged end to end with another key cannot vouch for itself.
   */
  async verifyOfflineBundle(
    bundle: unknown,
    options: VerifyOptions,
    { organisationId }: TrustScope,
  ): Promise<OfflineVerificationResult> {
    const trust = await this.contextFor({ ...(organisationId ? { organisationId } : {}) });
    return this.metrics.verified(() =>
      verifyBundle(bundle, {
        ...options,
        maxSnapshotAgeMs: this.settings.bundleMaxAgeMs,
        anchor: {
          isTrusted: (issuerId) => trust.isTrusted(issuerId),
          // An untrusted issuer's keys are never looked up: the trust check says so, whatever the bundle holds.
          knownKey: async (kid, issuerId) =>
            (await trust.isTrusted(issuerId)) ? { key: await trust.resolveKey(kid, issuerId) } : undefined,
        },
      }),
    );
  }

  /** One result per credential, in the order given. */
  async verifyMany(
    credentials: readonly unknown[],
    options: VerifyOptions = {},
    scope: TrustScope = {},
  ): Promise<VerificationResult[]> {
    const context = await this.contextFor(scope);
    return mapConcurrently(credentials, 16, (credential) =>
      this.metrics.verified(() => verifyCredential(credential, context, options)),
    );
  }

  /** A batch (read off the event loop), counted by status. */
  async verifyBatch(upload: BatchUpload): Promise<BatchSummary> {
    const batch = await this.uploads.batchOf(upload);
    return batchSummaryOf(await this.verifyMany(batch.credentials, batch.options, upload));
  }

  /** The W3C VC-API answer for one credential. */
  async verifyForVcApi(credential: unknown, scope: TrustScope = {}): Promise<VcApiResult> {
    return vcApiResultOf(await this.verify(credential, {}, scope));
  }

  /** A certificate PDF: the credential attached to it is what is verified, never the printed text. */
  async verifyPdf(
    pdf: Uint8Array,
    options: VerifyOptions = {},
    scope: TrustScope = {},
  ): Promise<VerificationResult> {
    return this.verify(await this.uploads.credentialOfPdf(pdf), options, scope);
  }

  /** Our records' answer to the partner check; 404 for an issuer that is not ours. */
  async partnerCheck(question: PartnerQuestion): Promise<{ authorised: boolean }> {
    if (!(await this.own.exists(question.issuerId)))
      throw new NotFoundException(`${question.issuerId} is not an issuer of ours.`);
    return { authorised: await this.own.partnerAuthorised(question) };
  }

  /**
   * Our records' answer to the hold check: Open Badges 3.0 lets a credential carry one status entry (revocation), so
   * a hold (suspension) is asked of its issuer; 404 for an issuer that is not ours.
   */
  async holdCheck({
    issuerId,
    credentialId,
  }: HoldQuestion): Promise<{ suspended: boolean; reason?: string }> {
    if (!(await this.own.exists(issuerId)))
      throw new NotFoundException(`${issuerId} is not an issuer of ours.`);
    const hold = await this.own.readHold(credentialId, issuerId);
    return { suspended: hold?.set ?? false, ...(hold?.reason ? { reason: hold.reason } : {}) };
  }

  /** What a share link (or a certificate's QR code) shows: its credential, verified now. */
  async verifyShared(token: string): Promise<VerificationResult> {
    const { jwt } = await this.sharing.open(token);
    return this.verify(jwt);
  }

  /** The lookups of one verification, with the trust of whoever asks; 404 for an awarding body we do not know. */
  private async contextFor({ organisationId }: TrustScope): Promise<VerificationContext> {
    if (organisationId !== undefined && !(await this.own.isAwardingBody(organisationId)))
      throw new NotFoundException(notHereYet('awarding body', organisationId, 'known here'));
    const jwksUrlOf = (issuerId: string) => this.trustList.jwksUrlFor(issuerId, organisationId);
    // One resolver per verification (or batch): an issuer's DID document is fetched once for all its credentials.
    const remoteKey = remoteKeyResolver(this.http, jwksUrlOf, (kid, issuerId, problem) =>
      this.logger.warn(`${kid} is not a key of ${issuerId}: ${problem}`),
    );
    const remoteStatus = remoteStatusReader(this.http, remoteKey);
    return {
      isTrusted: (issuerId) =>
        this.own.isOwnUrl(issuerId)
          ? this.own.exists(issuerId)
          : this.trustList.isTrusted(issuerId, organisationId),
      resolveKey: (kid, issuerId) =>
        this.own.isOwnUrl(issuerId) ? this.own.resolveKey(kid, issuerId) : remoteKey(kid, issuerId),
      readStatus: (entry, issuerId) =>
        this.own.isOwnUrl(issuerId) ? this.own.readStatus(entry, issuerId) : remoteStatus(entry, issuerId),
      readHold: (credentialId, issuerId) =>
        this.own.isOwnUrl(issuerId) ? this.own.readHold(credentialId, issuerId) : Promise.resolve(undefined),
      partnerAuthorised: (question) =>
        this.own.isOwnUrl(question.issuerId)
          ? this.own.partnerAuthorised(question)
          : Promise.resolve(undefined),
    };
  }
}

import { mapConcurrently } from '@lib/persistence';
import {
  HttpSource,
  jwksKeyResolver,
  type PartnerQuestion,
  remoteStatusReader,
  type VerificationContext,
  type VerificationResult,
  verifyCredential,
  type VerifyOptions,
} from '@lib/vc';
import { Injectable, NotFoundException } from '@nestjs/common';
import { SharingService } from '../sharing/sharing.service';
import { UploadReader } from '../uploads/upload-reader';
import { type BatchSummary, batchSummaryOf } from './batch-summary';
import { OwnIssuerLookups } from './own-issuer-lookups';
import { TrustListService } from './trust-list.service';
import { type VcApiResult, vcApiResultOf } from './vc-api-result';
import type { BatchUpload, VerifySubmission } from './verification-request';

/**
 * Verifies credentials for anyone who asks: ours from our own records, other trusted issuers' over HTTP (keys and
 * status lists fetched with time and size limits, cached as their answers allow).
 */
@Injectable()
export class VerificationService {
  private readonly context: VerificationContext;

  constructor(
    private readonly own: OwnIssuerLookups,
    private readonly trustList: TrustListService,
    private readonly sharing: SharingService,
    private readonly uploads: UploadReader,
  ) {
    const http = new HttpSource({ timeoutMs: 5_000, maxBytes: 1024 * 1024 });
    const remoteKey = jwksKeyResolver(http, (issuerId) => this.trustList.externalJwksUrl(issuerId));
    const remoteStatus = remoteStatusReader(http, remoteKey);
    this.context = {
      isTrusted: async (issuerId) =>
        this.own.isOwnUrl(issuerId)
          ? this.own.exists(issuerId)
          : (await this.trustList.externalJwksUrl(issuerId)) !== undefined,
      resolveKey: (kid, issuerId) =>
        this.own.isOwnUrl(issuerId) ? this.own.resolveKey(kid, issuerId) : remoteKey(kid, issuerId),
      readStatus: (entry, issuerId) =>
        this.own.isOwnUrl(issuerId) ? this.own.readStatus(entry, issuerId) : remoteStatus(entry, issuerId),
      partnerAuthorised: (question) =>
        this.own.isOwnUrl(question.issuerId)
          ? this.own.partnerAuthorised(question)
          : Promise.resolve(undefined),
    };
  }

  verify(credential: unknown, options: VerifyOptions = {}): Promise<VerificationResult> {
    return verifyCredential(credential, this.context, options);
  }

  /** `POST /verify`: a credential, or the one a certificate PDF carries. */
  verifySubmission(submission: VerifySubmission): Promise<VerificationResult> {
    return submission.kind === 'pdf'
      ? this.verifyPdf(submission.pdf, submission.options)
      : this.verify(submission.credential, submission.options);
  }

  /** One result per credential, in the order given. */
  verifyMany(credentials: readonly unknown[], options: VerifyOptions = {}): Promise<VerificationResult[]> {
    return mapConcurrently(credentials, 16, (credential) => this.verify(credential, options));
  }

  /** A batch (read off the event loop), counted by status. */
  async verifyBatch(upload: BatchUpload): Promise<BatchSummary> {
    const batch = await this.uploads.batchOf(upload);
    return batchSummaryOf(await this.verifyMany(batch.credentials, batch.options));
  }

  /** The W3C VC-API answer for one credential. */
  async verifyForVcApi(credential: unknown): Promise<VcApiResult> {
    return vcApiResultOf(await this.verify(credential));
  }

  /** A certificate PDF: the credential attached to it is what is verified, never the printed text. */
  async verifyPdf(pdf: Uint8Array, options: VerifyOptions = {}): Promise<VerificationResult> {
    return this.verify(await this.uploads.credentialOfPdf(pdf), options);
  }

  /** Our records' answer to the partner check; 404 for an issuer that is not ours. */
  async partnerCheck(question: PartnerQuestion): Promise<{ authorised: boolean }> {
    if (!(await this.own.exists(question.issuerId)))
      throw new NotFoundException(`${question.issuerId} is not an issuer of ours.`);
    return { authorised: await this.own.partnerAuthorised(question) };
  }

  /** What a share link (or a certificate's QR code) shows: its credential, verified now. */
  async verifyShared(token: string): Promise<VerificationResult> {
    const { jwt } = await this.sharing.open(token);
    return this.verify(jwt);
  }
}

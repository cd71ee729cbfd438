import { randomUUID } from 'node:crypto';
import { directCredentialIssuedV1 } from '@lib/contracts';
import type { Actor } from '@lib/auth';
import { outboxEvent, withOutbox } from '@lib/messaging';
import {
  type DataIntegrityProof,
  envelope,
  isoSeconds,
  signCredential,
  type SignableCredential,
  statusEntry,
  undefinedTermsProblem,
} from '@lib/vc';
import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  Injectable,
  Logger,
  UnprocessableEntityException,
} from '@nestjs/common';
import { CredentialMetrics } from '../common/credential-metrics';
import { EVENT_SOURCE } from '../common/event-source';
import { IssuersService } from '../issuers/issuers.service';
import { statusListIds } from '../issuing/issue-builders';
import { IssuingRepository } from '../issuing/issuing.repository';
import { StatusSlots } from '../issuing/status-slots';
import { issueRefusalOf } from './direct-credential-rules';
import { DirectCredentialsRepository } from './direct-credentials.repository';
import type { IssueFormat, VcApiIssueBody } from './vc-api-issue.dto';

/** The VC-API issue answer: the credential as issued, as an enveloped VC-JWT or with its Data Integrity proof. */
export interface IssuedByApi {
  verifiableCredential:
    | ReturnType<typeof envelope>
    | (Record<string, unknown> & {
        '@context': string[];
        proof: DataIntegrityProof & Record<string, unknown>;
      });
}

/**
 * Issues a VC 2.0 credential a registrar (or a service of the awarding body, with a registrar's client-credentials
 * token) sends through the W3C VC-API, as the awarding body: checked, given an id and `validFrom` when it has none,
 * a revocation entry of the body's list, signed with the body's key (a VC-JWT, or an eddsa-rdfc-2022 Data Integrity
 * proof), and recorded with its event in one write.
 */
@Injectable()
export class DirectIssuer {
  private readonly logger = new Logger('DirectIssuer');

  constructor(
    private readonly issuers: IssuersService,
    private readonly slots: StatusSlots,
    private readonly awards: IssuingRepository,
    private readonly direct: DirectCredentialsRepository,
    private readonly metrics: CredentialMetrics,
  ) {}

  async issue(actor: Actor, { credential, options }: VcApiIssueBody): Promise<IssuedByApi> {
    const format = options?.format ?? 'vc-jwt';
    const { organisationId, issuerId, credentialId } = await this.accepted(actor, credential, format);
    const issuedAt = new Date();
    const listId = statusListIds(organisationId).revocation;
    const [slot] = await this.slots.allocate([{ listId, key: `direct:${credentialId}` }]);
    const signed: SignableCredential = {
      ...(credential as unknown as SignableCredential),
      id: credentialId,
      validFrom: typeof credential.validFrom === 'string' ? credential.validFrom : isoSeconds(issuedAt),
      credentialStatus: statusEntry(`${this.issuers.statusListsUrl()}/${listId}`, slot!.index, 'revocation'),
    };
    const secured =
      format === 'data-integrity'
        ? await this.issuers.prove(organisationId, signed as never, isoSeconds(issuedAt))
        : await this.signJwt(signed, organisationId, issuedAt);
    const types = [signed.type].flat() as string[];
    const subject = [signed.credentialSubject].flat()[0];
    const event = outboxEvent(directCredentialIssuedV1, {
      credentialId,
      issuerId,
      awardingBodyId: organisationId,
      types,
      ...(typeof subject?.id === 'string' ? { subjectId: subject.id } : {}),
      validFrom: new Date(signed.validFrom).toISOString(),
      ...(signed.validUntil ? { validUntil: new Date(signed.validUntil).toISOString() } : {}),
      issuedBy: actor.sub,
      issuedAt: issuedAt.toISOString(),
      securedCredential: secured,
    });
    const record = { _id: credentialId, awardingBodyId: organisationId, types, statusListId: listId };
    const inserted = await this.direct.insertOnce({
      ...record,
      statusIndex: slot!.index,
      securedCredential: secured,
      issuedBy: actor.sub,
      issuedAt,
      ...withOutbox(EVENT_SOURCE, event),
    });
    if (!inserted) throw this.issuedAlready(credentialId);
    this.metrics.issued('direct');
    this.logger.log(`issued ${credentialId} through the VC-API for ${organisationId}, by ${actor.sub}`);
    return { verifiableCredential: typeof secured === 'string' ? envelope(secured) : secured };
  }

  /** Who issues and under which id, once the caller and the credential pass every check; the refusal otherwise. */
  private async signJwt(
    credential: SignableCredential,
    organisationId: string,
    issuedAt: Date,
  ): Promise<string> {
    const key = await this.issuers.signingKey(organisationId);
    return this.metrics.signed('jwt', () => signCredential(credential, key, issuedAt));
  }

  private async accepted(actor: Actor, credential: Record<string, unknown>, format: IssueFormat) {
    const organisationId = actor.org;
    if (!organisationId || !(await this.issuers.isIssuer(organisationId)))
      throw new ForbiddenException('Only the registrar of an awarding body may issue its credentials.');
    // A Data Integrity proof's verification method is controlled by the issuer's DID, so that is its issuer id.
    const issuerId =
      format === 'data-integrity'
        ? this.issuers.issuerDid(organisationId)
        : this.issuers.issuerUrl(organisationId);
    const refusal = issueRefusalOf(credential, issuerId);
    if (refusal) {
      const body = { message: 'The credential cannot be issued as sent.', errors: refusal.errors };
      throw refusal.status === 400 ? new BadRequestException(body) : new UnprocessableEntityException(body);
    }
    const terms = await undefinedTermsProblem(credential);
    if (terms)
      throw new UnprocessableEntityException({
        message:
          'The credential uses a term its contexts do not define, so what it says cannot be understood.',
        errors: [{ field: 'credential', message: terms }],
      });
    const credentialId = typeof credential.id === 'string' ? credential.id : `urn:uuid:${randomUUID()}`;
    // Statuses are kept by credential id, so an id is unique across the hub, awards included.
    if ((await this.direct.exists(credentialId)) || (await this.awards.credentialById(credentialId)))
      throw this.issuedAlready(credentialId);
    return { organisationId, issuerId, credentialId };
  }

  private issuedAlready(credentialId: string): ConflictException {
    return new ConflictException(`A credential with the id ${credentialId} has been issued already.`);
  }
}

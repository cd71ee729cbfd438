import { randomUUID } from 'node:crypto';
import { directCredentialIssuedV1 } from '@lib/contracts';
import type { Actor } from '@lib/auth';
import { outboxEvent, withOutbox } from '@lib/messaging';
import {
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
import { EVENT_SOURCE } from '../common/event-source';
import { IssuersService } from '../issuers/issuers.service';
import { statusListIds } from '../issuing/issue-builders';
import { IssuingRepository } from '../issuing/issuing.repository';
import { StatusSlots } from '../issuing/status-slots';
import { issueRefusalOf } from './direct-credential-rules';
import { DirectCredentialsRepository } from './direct-credentials.repository';
import type { VcApiIssueBody } from './vc-api-issue.dto';

/** The VC-API issue answer: the credential as issued, in its enveloped VC-JWT form. */
export interface IssuedByApi {
  verifiableCredential: ReturnType<typeof envelope>;
}

/**
 * Issues a VC 2.0 credential a registrar (or a service of the awarding body, with a registrar's client-credentials
 * token) sends through the W3C VC-API, as the awarding body: checked, given an id and `validFrom` when it has none,
 * a revocation entry of the body's list, signed with the body's key, and recorded with its event in one write.
 */
@Injectable()
export class DirectIssuer {
  private readonly logger = new Logger('DirectIssuer');

  constructor(
    private readonly issuers: IssuersService,
    private readonly slots: StatusSlots,
    private readonly awards: IssuingRepository,
    private readonly direct: DirectCredentialsRepository,
  ) {}

  async issue(actor: Actor, { credential }: VcApiIssueBody): Promise<IssuedByApi> {
    const organisationId = actor.org;
    if (!organisationId || !(await this.issuers.isIssuer(organisationId)))
      throw new ForbiddenException('Only the registrar of an awarding body may issue its credentials.');
    const issuerId = this.issuers.issuerUrl(organisationId);
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
    if ((await this.direct.exists(credentialId)) || (await this.awards.credentialById(credentialId)))
      throw new ConflictException(`A credential with the id ${credentialId} has been issued already.`);

    const issuedAt = new Date();
    const listId = statusListIds(organisationId).revocation;
    const [slot] = await this.slots.allocate([{ listId, key: `direct:${credentialId}` }]);
    const signed: SignableCredential = {
      ...(credential as unknown as SignableCredential),
      id: credentialId,
      validFrom: typeof credential.validFrom === 'string' ? credential.validFrom : isoSeconds(issuedAt),
      credentialStatus: statusEntry(`${this.issuers.statusListsUrl()}/${listId}`, slot!.index, 'revocation'),
    };
    const jwt = signCredential(signed, await this.issuers.signingKey(organisationId), issuedAt);
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
      securedCredential: jwt,
    });
    const inserted = await this.direct.insertOnce({
      _id: credentialId,
      awardingBodyId: organisationId,
      types,
      statusListId: listId,
      statusIndex: slot!.index,
      jwt,
      issuedBy: actor.sub,
      issuedAt,
      ...withOutbox(EVENT_SOURCE, event),
    });
    if (!inserted)
      throw new ConflictException(`A credential with the id ${credentialId} has been issued already.`);
    this.logger.log(`issued ${credentialId} through the VC-API for ${organisationId}, by ${actor.sub}`);
    return { verifiableCredential: envelope(jwt) };
  }
}

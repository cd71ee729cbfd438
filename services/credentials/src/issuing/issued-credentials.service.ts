import type { Actor } from '@lib/auth';
import { mapPage, type Pagination } from '@lib/persistence';
import { Injectable } from '@nestjs/common';
import { credentialView, holdView } from './issued-credential-views';
import { IssuingRepository } from './issuing.repository';

/** What was issued or held, as learners and registrars read it. */
@Injectable()
export class IssuedCredentialsService {
  constructor(private readonly issuing: IssuingRepository) {}

  /** The learner's own credentials, newest first. */
  async ownCredentials(actor: Actor, pagination: Pagination) {
    return mapPage(await this.issuing.credentialsOf(actor.sub, pagination), credentialView);
  }

  /** Awards held for the registrar's awarding body, newest first. */
  async holdsOf(actor: Actor, pagination: Pagination) {
    return mapPage(await this.issuing.holdsOf(actor.org ?? '', pagination), holdView);
  }
}

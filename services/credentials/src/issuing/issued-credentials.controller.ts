import { mapPage, type Pagination, paginationQuery } from '@lib/persistence';
import { validate } from '@lib/platform';
import { type Actor, CurrentActor, Roles } from '@lib/auth';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IssuingRepository } from './issuing.repository';

@ApiTags('credentials')
@ApiBearerAuth()
@Controller('api/credentials')
export class IssuedCredentialsController {
  constructor(private readonly issuing: IssuingRepository) {}

  @Get('learners/me/credentials')
  @Roles('learner')
  @ApiOperation({ summary: 'Your credentials, each with its signed JWT (learner)' })
  async own(@CurrentActor() actor: Actor, @Query(validate(paginationQuery)) pagination: Pagination) {
    const page = await this.issuing.credentialsOf(actor.sub, pagination);
    return mapPage(page, (credential) => ({
      credentialId: credential.credentialId,
      achievementName: credential.achievementName,
      achievementVersion: credential.achievementVersion,
      offeringId: credential.offeringId,
      issuedAt: credential.issuedAt.toISOString(),
      jwt: credential.jwt,
    }));
  }

  @Get('holds')
  @Roles('registrar')
  @ApiOperation({
    summary: 'Credentials earned but held, with the reason, for your awarding body (registrar)',
  })
  async holds(@CurrentActor() actor: Actor, @Query(validate(paginationQuery)) pagination: Pagination) {
    const page = await this.issuing.holdsOf(actor.org ?? '', pagination);
    return mapPage(page, (hold) => ({
      offeringId: hold.offeringId,
      learnerId: hold.learnerId,
      reason: hold.reason,
      heldAt: hold.heldAt.toISOString(),
    }));
  }
}

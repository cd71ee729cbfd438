import { type Actor, CurrentActor, Roles } from '@lib/auth';
import { type Pagination, paginationQuery } from '@lib/persistence';
import { ApiZodBody, IdParam, validate } from '@lib/platform';
import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import {
  chosenCredentialBody,
  type DecisionBody,
  decisionBody,
  externalCredentialBody,
  type OpenClaimBody,
  openClaimBody,
} from './claim.dto';
import { ClaimsService } from './claims.service';

@ApiTags('claims')
@ApiBearerAuth()
@Controller('api/recognition')
export class ClaimsController {
  constructor(private readonly claims: ClaimsService) {}

  @Post('claims')
  @Roles('learner', 'registrar')
  @ApiZodBody(openClaimBody)
  @ApiOperation({
    summary:
      'Open a claim for credit in a programme, with any credentials from other issuers (learner, or registrar for a learner)',
  })
  open(@CurrentActor() actor: Actor, @Body(validate(openClaimBody)) body: OpenClaimBody) {
    return this.claims.open(actor, body);
  }

  @Get('claims/:id')
  @Roles('learner', 'registrar')
  @ApiOperation({
    summary:
      'A claim and its proposal, worked out now from the credentials the programme’s awarding body issued and those the learner put in or uploaded (its learner, or a registrar of the awarding body)',
  })
  get(@CurrentActor() actor: Actor, @Param('id', IdParam) id: string) {
    return this.claims.view(actor, id);
  }

  @Post('claims/:id/credentials')
  @Roles('learner')
  @ApiZodBody(chosenCredentialBody)
  @ApiOperation({
    summary:
      'Put one of your credentials from this hub in your claim, so its reviewers may see it (the claim’s learner)',
  })
  addChosen(
    @CurrentActor() actor: Actor,
    @Param('id', IdParam) id: string,
    @Body(validate(chosenCredentialBody)) body: z.output<typeof chosenCredentialBody>,
  ) {
    return this.claims.addChosen(actor, id, body.credentialId);
  }

  @Post('claims/:id/external-credentials')
  @Roles('learner', 'registrar')
  @ApiZodBody(externalCredentialBody)
  @ApiOperation({ summary: 'Add a credential from another issuer to a claim (checked by the verifier)' })
  addExternal(
    @CurrentActor() actor: Actor,
    @Param('id', IdParam) id: string,
    @Body(validate(externalCredentialBody)) body: z.output<typeof externalCredentialBody>,
  ) {
    return this.claims.addExternal(actor, id, body.credential);
  }

  @Post('claims/:id/decisions')
  @Roles('registrar')
  @ApiZodBody(decisionBody)
  @ApiOperation({
    summary: 'Approve or reject one module of a claim, with the reason (registrar of the awarding body)',
  })
  decide(
    @CurrentActor() actor: Actor,
    @Param('id', IdParam) id: string,
    @Body(validate(decisionBody)) body: DecisionBody,
  ) {
    return this.claims.decide(actor, id, body);
  }

  @Get('learners/me/claims')
  @Roles('learner')
  @ApiOperation({ summary: 'Your claims (learner)' })
  ownClaims(@CurrentActor() actor: Actor, @Query(validate(paginationQuery)) pagination: Pagination) {
    return this.claims.listOwn(actor, pagination);
  }

  @Get('learners/me/programmes/:id')
  @Roles('learner')
  @ApiOperation({
    summary:
      'Your standing in a programme: modules credited, credits of the cap, what the rest need (learner)',
  })
  standing(@CurrentActor() actor: Actor, @Param('id', IdParam) id: string) {
    return this.claims.standing(actor, id);
  }

  @Get('reviews')
  @Roles('registrar')
  @ApiOperation({
    summary: 'Credit withdrawn or on hold because a credential was revoked or suspended (registrar)',
  })
  reviews(@CurrentActor() actor: Actor) {
    return this.claims.reviews(actor);
  }
}

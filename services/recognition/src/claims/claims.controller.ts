import { type Actor, CurrentActor, Roles } from '@lib/auth';
import { type Pagination, pageSchema, paginationQuery } from '@lib/persistence';
import { ApiErrors, ApiZodBody, ApiZodResponse, IdParam, validate, ZodQuery } from '@lib/platform';
import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import {
  type ClaimsQuery,
  claimsQuery,
  chosenCredentialBody,
  type DecisionBody,
  decisionBody,
  externalCredentialBody,
  type OpenClaimBody,
  openClaimBody,
} from './claim.dto';
import {
  claimSummaryView,
  claimView,
  decisionView,
  examBoardClaimView,
  reviewsView,
  standingView,
} from './claim.view-schema';
import { ClaimsService } from './claims.service';
import { ExamBoardClaimsService } from './exam-board-claims.service';

@ApiTags('claims')
@ApiBearerAuth()
@Controller('api/recognition')
export class ClaimsController {
  constructor(
    private readonly claims: ClaimsService,
    private readonly examBoard: ExamBoardClaimsService,
  ) {}

  @Post('claims')
  @ApiErrors(
    [403, 'Not a learner or registrar; a learner claiming for another; or a registrar choosing credentials'],
    [404, 'No programme with the `programmeId` given (of your awarding body, for a registrar)'],
  )
  @Roles('learner', 'registrar')
  @ApiZodBody(openClaimBody)
  @ApiOperation({
    summary:
      'Open a claim for credit in a programme, with any credentials from other issuers (learner, or registrar for a learner)',
  })
  @ApiZodResponse(claimView, { status: 201, description: 'The claim opened, with its proposal' })
  open(@CurrentActor() actor: Actor, @Body(validate(openClaimBody)) body: OpenClaimBody) {
    return this.claims.open(actor, body);
  }

  @Get('claims')
  @Roles('registrar')
  @ApiOperation({
    summary:
      'Your awarding body’s claims, oldest first: by default those awaiting a decision (some eligible module undecided), each with a summary of its proposal now (registrar)',
  })
  @ApiZodResponse(pageSchema(examBoardClaimView), { description: 'A page of claims' })
  list(@CurrentActor() actor: Actor, @ZodQuery(claimsQuery) query: ClaimsQuery) {
    return this.examBoard.list(actor, query);
  }

  @Get('claims/:id')
  @Roles('learner', 'registrar')
  @ApiOperation({
    summary:
      'A claim and its proposal, worked out now from the credentials the programme’s awarding body issued and those the learner put in or uploaded (its learner, or a registrar of the awarding body)',
  })
  @ApiZodResponse(claimView, { description: 'The claim, with its proposal worked out now' })
  get(@CurrentActor() actor: Actor, @Param('id', IdParam) id: string) {
    return this.claims.view(actor, id);
  }

  @Post('claims/:id/credentials')
  @ApiErrors([403, 'Only the learner whose claim it is chooses its credentials'])
  @Roles('learner')
  @ApiZodBody(chosenCredentialBody)
  @ApiOperation({
    summary:
      'Put one of your credentials from this hub in your claim, so its reviewers may see it (the claim’s learner)',
  })
  @ApiZodResponse(claimView, { status: 201, description: 'The claim, with the credential in it' })
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
  @ApiZodResponse(claimView, { status: 201, description: 'The claim, with the credential checked' })
  addExternal(
    @CurrentActor() actor: Actor,
    @Param('id', IdParam) id: string,
    @Body(validate(externalCredentialBody)) body: z.output<typeof externalCredentialBody>,
  ) {
    return this.claims.addExternal(actor, id, body.credential);
  }

  @Post('claims/:id/decisions')
  @ApiErrors([
    409,
    'The module is decided already, cannot be approved (not proposed, or over the recognition cap), or is being decided at the same moment',
  ])
  @Roles('registrar')
  @ApiZodBody(decisionBody)
  @ApiOperation({
    summary: 'Approve or reject one module of a claim, with the reason (registrar of the awarding body)',
  })
  @ApiZodResponse(decisionView, { status: 201, description: 'The decision recorded' })
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
  @ApiZodResponse(pageSchema(claimSummaryView), { description: 'A page of your claims' })
  ownClaims(@CurrentActor() actor: Actor, @ZodQuery(paginationQuery) pagination: Pagination) {
    return this.claims.listOwn(actor, pagination);
  }

  @Get('learners/me/programmes/:id')
  @Roles('learner')
  @ApiOperation({
    summary:
      'Your standing in a programme: modules credited, credits of the cap, what the rest need (learner)',
  })
  @ApiZodResponse(standingView, { description: 'Your standing in the programme' })
  standing(@CurrentActor() actor: Actor, @Param('id', IdParam) id: string) {
    return this.claims.standing(actor, id);
  }

  @Get('reviews')
  @Roles('registrar')
  @ApiOperation({
    summary: 'Credit withdrawn or on hold because a credential was revoked or suspended (registrar)',
  })
  @ApiZodResponse(reviewsView, { description: 'Credit withdrawn, and credit on hold' })
  reviews(@CurrentActor() actor: Actor) {
    return this.claims.reviews(actor);
  }
}

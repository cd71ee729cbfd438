import { type Actor, CurrentActor, Roles } from '@lib/auth';
import { type Pagination, pageSchema, paginationQuery } from '@lib/persistence';
import { ApiErrors, ApiZodBody, ApiZodResponse, validate, ZodQuery } from '@lib/platform';
import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { type AddTrustedIssuerBody, addTrustedIssuerBody, removeTrustedIssuerBody } from './trust-list.dto';
import { TrustListService } from './trust-list.service';
import { trustListEntryView } from './trust-list.view-schema';

const organisationIdParam = validate(z.uuid('must be a uuid'), 'organisationId');

/** An awarding body's own trust list, kept by its registrars; any other caller gets 404. */
@ApiTags('verification')
@ApiBearerAuth()
@Roles('registrar')
@Controller('api/credentials/organisations/:organisationId/trust-list')
export class OrganisationTrustListController {
  constructor(private readonly trustList: TrustListService) {}

  @Get()
  @ApiOperation({
    summary:
      'What your awarding body trusts: our own bodies, the hub-wide list and your own entries (registrar)',
  })
  @ApiZodResponse(pageSchema(trustListEntryView), { description: 'A page of the trust list' })
  list(
    @CurrentActor() actor: Actor,
    @Param('organisationId', organisationIdParam) organisationId: string,
    @ZodQuery(paginationQuery) pagination: Pagination,
  ) {
    return this.trustList.bodyList(actor, organisationId, pagination);
  }

  @Post()
  @ApiErrors(
    [409, 'The issuer is on the trust list already, or is one of our own awarding bodies'],
    [422, 'No JWK set with a key could be fetched from the `jwksUrl`'],
  )
  @ApiZodBody(addTrustedIssuerBody)
  @ApiOperation({
    summary:
      'Trust an external issuer for your awarding body’s verifications; its JWK set must be fetchable (registrar)',
  })
  @ApiZodResponse(trustListEntryView, { status: 201, description: 'The entry added' })
  add(
    @CurrentActor() actor: Actor,
    @Param('organisationId', organisationIdParam) organisationId: string,
    @Body(validate(addTrustedIssuerBody)) body: AddTrustedIssuerBody,
  ) {
    return this.trustList.addForBody(actor, organisationId, body);
  }

  @Post('removal')
  @ApiErrors([404, 'No trust list of this organisation that you can see, or the issuer is not on it'])
  // Named, as Nest documents the @HttpCode success only when an operation names no answers.
  @ApiResponse({ status: 204, description: 'The issuer is off the trust list' })
  @HttpCode(204)
  @ApiZodBody(removeTrustedIssuerBody)
  @ApiOperation({ summary: 'Take an external issuer off your awarding body’s trust list (registrar)' })
  remove(
    @CurrentActor() actor: Actor,
    @Param('organisationId', organisationIdParam) organisationId: string,
    @Body(validate(removeTrustedIssuerBody)) body: { issuerId: string },
  ): Promise<void> {
    return this.trustList.removeForBody(actor, organisationId, body.issuerId);
  }
}

import { type Actor, CurrentActor, Roles } from '@lib/auth';
import { type Pagination, pageSchema, paginationQuery } from '@lib/persistence';
import { ApiZodBody, ApiZodResponse, validate } from '@lib/platform';
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
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
    @Query(validate(paginationQuery)) pagination: Pagination,
  ) {
    return this.trustList.bodyList(actor, organisationId, pagination);
  }

  @Post()
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

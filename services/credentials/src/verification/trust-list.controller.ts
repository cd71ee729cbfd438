import { type Actor, CurrentActor, Public, Roles } from '@lib/auth';
import { type Pagination, pageSchema, paginationQuery } from '@lib/persistence';
import { ApiErrors, ApiZodBody, ApiZodResponse, validate, ZodQuery } from '@lib/platform';
import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { type AddTrustedIssuerBody, addTrustedIssuerBody, removeTrustedIssuerBody } from './trust-list.dto';
import { TrustListService } from './trust-list.service';
import { trustListEntryView } from './trust-list.view-schema';

/** The hub-wide trust list: what every verification trusts, kept by admins. */
@ApiTags('verification')
@Controller('api/credentials/trust-list')
export class TrustListController {
  constructor(private readonly trustList: TrustListService) {}

  @Get()
  @Public()
  @ApiOperation({
    summary: 'The hub-wide trust list: our own awarding bodies and the issuers an admin published (public)',
  })
  @ApiZodResponse(pageSchema(trustListEntryView), { description: 'A page of the trust list' })
  list(@ZodQuery(paginationQuery) pagination: Pagination) {
    return this.trustList.hubList(pagination);
  }

  @Post()
  @ApiErrors(
    [409, 'The issuer is on the trust list already, or is one of our own awarding bodies'],
    [422, 'No JWK set with a key could be fetched from the `jwksUrl`'],
  )
  @ApiBearerAuth()
  @Roles('admin')
  @ApiZodBody(addTrustedIssuerBody)
  @ApiOperation({
    summary:
      'Trust an external issuer for every verification; its JWK set must be fetchable from the internet (admin)',
  })
  @ApiZodResponse(trustListEntryView, { status: 201, description: 'The entry added' })
  add(@CurrentActor() actor: Actor, @Body(validate(addTrustedIssuerBody)) body: AddTrustedIssuerBody) {
    return this.trustList.addToHub(actor, body);
  }

  @Post('removal')
  @ApiErrors([404, 'The issuer is not on the trust list'])
  // Named, as Nest documents the @HttpCode success only when an operation names no answers.
  @ApiResponse({ status: 204, description: 'The issuer is off the trust list' })
  @HttpCode(204)
  @ApiBearerAuth()
  @Roles('admin')
  @ApiZodBody(removeTrustedIssuerBody)
  @ApiOperation({ summary: 'Take an external issuer off the hub-wide trust list (admin)' })
  remove(
    @CurrentActor() actor: Actor,
    @Body(validate(removeTrustedIssuerBody)) body: { issuerId: string },
  ): Promise<void> {
    return this.trustList.removeFromHub(actor, body.issuerId);
  }
}

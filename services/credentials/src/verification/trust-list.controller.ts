import { type Actor, CurrentActor, Public, Roles } from '@lib/auth';
import { type Pagination, paginationQuery } from '@lib/persistence';
import { ApiZodBody, validate } from '@lib/platform';
import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type AddTrustedIssuerBody, addTrustedIssuerBody, removeTrustedIssuerBody } from './trust-list.dto';
import { TrustListService } from './trust-list.service';

@ApiTags('verification')
@Controller('api/credentials/trust-list')
export class TrustListController {
  constructor(private readonly trustList: TrustListService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'The issuers whose credentials verify here, ours and external (public)' })
  list(@Query(validate(paginationQuery)) pagination: Pagination) {
    return this.trustList.list(pagination);
  }

  @Post()
  @ApiBearerAuth()
  @Roles('registrar')
  @ApiZodBody(addTrustedIssuerBody)
  @ApiOperation({ summary: 'Trust an external issuer, by its issuer id and JWKS URL (registrar)' })
  add(@CurrentActor() actor: Actor, @Body(validate(addTrustedIssuerBody)) body: AddTrustedIssuerBody) {
    return this.trustList.add(actor, body);
  }

  @Post('removal')
  @HttpCode(204)
  @ApiBearerAuth()
  @Roles('registrar')
  @ApiZodBody(removeTrustedIssuerBody)
  @ApiOperation({ summary: 'Stop trusting an external issuer (registrar)' })
  remove(
    @CurrentActor() actor: Actor,
    @Body(validate(removeTrustedIssuerBody)) body: { issuerId: string },
  ): Promise<void> {
    return this.trustList.remove(actor, body.issuerId);
  }
}

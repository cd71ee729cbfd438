import { Public } from '@lib/auth';
import { isoSeconds, signCredential, statusListCredential } from '@lib/vc';
import { Controller, Get, Header, NotFoundException, Param } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { validate } from '@lib/platform';
import { IssuersService } from '../issuers/issuers.service';
import { CredentialStatusService } from './credential-status.service';

const TTL_MS = 300_000;
const listIdParam = validate(
  z.string().regex(/^[0-9a-f-]{36}-(revocation|suspension)-\d+$/, 'is not a status list id'),
  'listId',
);

@ApiTags('status lists')
@Controller('api/credentials/status-lists')
export class StatusListsController {
  constructor(
    private readonly issuers: IssuersService,
    private readonly statuses: CredentialStatusService,
  ) {}

  @Get(':listId')
  @Public()
  @Header('Content-Type', 'application/vc+jwt')
  @Header('Cache-Control', `public, max-age=${TTL_MS / 1000}`)
  @ApiOperation({ summary: 'A Bitstring Status List credential, signed by its issuer (public)' })
  async get(@Param('listId', listIdParam) listId: string): Promise<string> {
    const issuerId = listId.slice(0, 36);
    if (!(await this.issuers.isIssuer(issuerId))) throw new NotFoundException(`No status list ${listId}.`);
    const validFrom = isoSeconds(new Date());
    const list = statusListCredential({
      listUrl: `${this.issuers.statusListsUrl()}/${listId}`,
      issuerId: this.issuers.issuerUrl(issuerId),
      purpose: listId.includes('-suspension-') ? 'suspension' : 'revocation',
      bits: await this.statuses.bits(listId, issuerId),
      validFrom,
      ttlMs: TTL_MS,
    });
    return signCredential(list, await this.issuers.signingKey(issuerId));
  }
}

import { Public } from '@lib/auth';
import { ApiFileResponse, validate } from '@lib/platform';
import { Controller, Get, Header, Param } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { STATUS_LIST_TTL_MS, statusListId } from './status-list-rules';
import { StatusListsService } from './status-lists.service';

const listIdParam = validate(statusListId, 'listId');

@ApiTags('status lists')
@Controller('api/credentials/status-lists')
export class StatusListsController {
  constructor(private readonly lists: StatusListsService) {}

  @Get(':listId')
  @Public()
  @Header('Content-Type', 'application/vc+jwt')
  @Header('Cache-Control', `public, max-age=${STATUS_LIST_TTL_MS / 1000}`)
  @ApiOperation({ summary: 'A Bitstring Status List credential, signed by its issuer (public)' })
  @ApiFileResponse({
    description: 'The status list credential, a signed JWT',
    types: { 'application/vc+jwt': 'text' },
  })
  get(@Param('listId', listIdParam) listId: string): Promise<string> {
    return this.lists.signedList(listId);
  }
}

import { Public } from '@lib/auth';
import { ApiFileResponse, validate } from '@lib/platform';
import { Controller, Get, Header, Headers, Param, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import { statusListMediaOf } from './status-list-media';
import { STATUS_LIST_TTL_MS, statusListId } from './status-list-rules';
import { StatusListsService } from './status-lists.service';

const listIdParam = validate(statusListId, 'listId');

/** The JSON form: a BitstringStatusListCredential with its Data Integrity proof. */
const provedListView = z.looseObject({
  '@context': z.array(z.string()),
  id: z.url(),
  type: z.array(z.string()),
  issuer: z.string().startsWith('did:web:'),
  credentialSubject: z.looseObject({ type: z.literal('BitstringStatusList'), encodedList: z.string() }),
  proof: z.looseObject({ type: z.literal('DataIntegrityProof'), proofValue: z.string() }),
});

@ApiTags('status lists')
@Controller('api/credentials/status-lists')
export class StatusListsController {
  constructor(private readonly lists: StatusListsService) {}

  @Get(':listId')
  @Public()
  @Header('Cache-Control', `public, max-age=${STATUS_LIST_TTL_MS / 1000}`)
  @Header('Vary', 'Accept')
  @ApiOperation({
    summary:
      'A Bitstring Status List credential, signed by its issuer: a VC-JWT by default, or JSON with a Data Integrity proof when `Accept` asks for application/vc or application/json (public)',
  })
  @ApiFileResponse({
    description: 'The status list credential, in the form asked for',
    types: {
      'application/vc+jwt': 'text',
      'application/vc': provedListView,
      'application/json': provedListView,
    },
  })
  async get(
    @Param('listId', listIdParam) listId: string,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    const media = statusListMediaOf(accept);
    response.type(media);
    if (media === 'application/vc+jwt') return this.lists.signedList(listId);
    // Sent as text so that Express keeps the media type asked for rather than its JSON default.
    return JSON.stringify(await this.lists.provedList(listId));
  }
}

import { Public } from '@lib/auth';
import { ApiZodResponse, type ServiceConfig, SERVICE_CONFIG, type ViewFits } from '@lib/platform';
import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { didWebOf } from './did-web';

/** The hub's own DID document: its identity on the public origin, nothing it would have to page through. */
export const hubDidDocumentView = z.object({
  '@context': z.tuple([z.literal('https://www.w3.org/ns/did/v1')]),
  id: z.string().startsWith('did:web:'),
  alsoKnownAs: z.tuple([z.url()]),
});

/**
 * `did:web:<public host>`, which resolves to `/.well-known/did.json` on the public origin (the gateway routes it
 * here). The hub signs nothing itself, so it has no verification methods: each awarding body signs with the keys of
 * its own DID, `did:web:<public host>:api:credentials:issuers:<id>`, which is on the hub's host already. Listing them
 * here would grow with every body, so the document names the hub and its public URL only.
 */
@ApiTags('issuers and keys')
@Controller('api/credentials')
export class HubDidController {
  private readonly document: z.output<typeof hubDidDocumentView>;

  constructor(@Inject(SERVICE_CONFIG) config: ServiceConfig) {
    const origin = config.publicBaseUrl;
    this.document = {
      '@context': ['https://www.w3.org/ns/did/v1'],
      id: didWebOf(origin),
      alsoKnownAs: [origin],
    };
  }

  @Get('did.json')
  @Public()
  @Header('Cache-Control', 'public, max-age=300')
  @ApiOperation({
    summary:
      "The hub's DID document (did:web of the public origin, also at /.well-known/did.json there): its identity and public URL (public)",
  })
  @ApiZodResponse(hubDidDocumentView, { description: 'The DID document' })
  didDocument() {
    return this.document;
  }
}

// What the controller returns fits what the document says (checked by the compiler).
export type HubDidDocumentViewFits = ViewFits<
  ReturnType<HubDidController['didDocument']>,
  typeof hubDidDocumentView
>;

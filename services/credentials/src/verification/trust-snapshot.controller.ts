import { Public } from '@lib/auth';
import { ApiFileResponse, ApiZodResponse } from '@lib/platform';
import { Controller, Get, Header } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { jwkSetView } from '../issuers/issuer.view-schema';
import { trustSnapshotView } from './trust-snapshot.view-schema';
import { TrustSnapshotsService } from './trust-snapshots.service';

/** The trust list signed for offline verifiers, and the key that signs it. */
@ApiTags('verification')
@Controller('api/credentials/trust-list')
export class TrustSnapshotController {
  constructor(private readonly snapshots: TrustSnapshotsService) {}

  @Get('snapshot')
  @Public()
  @Header('Content-Disposition', 'attachment; filename="credit-bridge-trust.json"')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary:
      "The hub-wide trust list with our awarding bodies' public keys, signed by the hub's trust-list key: save it once, then verify offline bundles with `--trust` (public)",
  })
  @ApiZodResponse(trustSnapshotView, { description: 'The signed trust snapshot' })
  snapshot() {
    return this.snapshots.snapshot();
  }

  @Get('keys')
  @Public()
  @Header('Content-Type', 'application/jwk-set+json')
  @Header('Cache-Control', 'public, max-age=300')
  @ApiOperation({ summary: "The hub's trust-list key, which signs trust snapshots, as a JWK set (public)" })
  @ApiFileResponse({ description: 'The JWK set', types: { 'application/jwk-set+json': jwkSetView } })
  keys() {
    return this.snapshots.publicKeys();
  }
}

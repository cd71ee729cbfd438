import { type Actor, CurrentActor, Roles } from '@lib/auth';
import { ApiZodBody, ApiZodResponse, IdParam, validate } from '@lib/platform';
import { Body, Controller, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { certificateBrandingView } from './certificate-branding.view-schema';
import { CertificateBrandingService } from './certificate-branding.service';
import { LOGO_MAX_BYTES, LOGO_MAX_PIXELS_PER_SIDE, type LogoType } from './certificate-logo-reading';
import { LogoBody } from './logo-body';

const organisationIdParam = validate(z.uuid('must be a uuid'), 'organisationId');
const officerText = z.string().trim().min(1).max(120);
const brandingBody = z.strictObject({
  signingOfficer: z
    .strictObject({
      name: officerText.describe('as printed under the signature line, e.g. "Professor Jane Okafor"'),
      role: officerText.describe('e.g. "Academic Registrar"'),
    })
    .nullable()
    .describe('who signs the certificates; null: nobody named (no signature block)'),
});

@ApiTags('certificate branding')
@Controller('api/credentials')
export class CertificateBrandingController {
  constructor(private readonly branding: CertificateBrandingService) {}

  @Put('issuers/:id/certificate-branding')
  @ApiBearerAuth()
  @Roles('registrar')
  @ApiZodBody(brandingBody)
  @ApiOperation({
    summary:
      "Name your awarding body's signing officer, printed in the signature block of its certificates from now on (registrar)",
  })
  @ApiZodResponse(certificateBrandingView, { description: "The awarding body's certificate branding" })
  setBranding(
    @CurrentActor() actor: Actor,
    @Param('id', IdParam) id: string,
    @Body(validate(brandingBody)) body: z.output<typeof brandingBody>,
  ) {
    return this.branding.setSigningOfficer(actor, id, body.signingOfficer);
  }

  @Put('organisations/:organisationId/certificate-logo')
  @ApiBearerAuth()
  @Roles('registrar', 'partner')
  @ApiConsumes('image/png', 'image/svg+xml')
  @ApiBody({
    description: `Your organisation's logo: a PNG (at most ${LOGO_MAX_PIXELS_PER_SIDE} pixels a side) or an SVG of shapes, text and embedded PNG/JPEG only (no scripts, no links outside the file), at most ${LOGO_MAX_BYTES / 1024} kB. An awarding body's appears at the head of its certificates, a delivering partner's under "Delivered by".`,
  })
  @ApiOperation({
    summary:
      "Upload your organisation's logo for the certificates it awards or delivers; replaces the last one (registrar, partner)",
  })
  @ApiZodResponse(certificateBrandingView, { description: "The organisation's certificate branding" })
  setLogo(
    @CurrentActor() actor: Actor,
    @Param('organisationId', organisationIdParam) organisationId: string,
    @LogoBody() logo: { bytes: Uint8Array; type: LogoType },
  ) {
    return this.branding.setLogo(actor, organisationId, logo);
  }
}

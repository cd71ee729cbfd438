import { credentialId } from '@lib/contracts';
import { type Actor, CurrentActor, Public, Roles } from '@lib/auth';
import { ApiErrors, ApiZodBody, ApiZodResponse, validate } from '@lib/platform';
import { Body, Controller, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { VerificationRateLimitGuard } from '../verification/rate-limit.guard';
import { type WalletExchangeBody, walletExchangeBody } from './wallet-exchange.dto';
import { walletExchangeAnswerView, walletOfferView } from './wallet-exchange.view-schema';
import { WalletExchangesService } from './wallet-exchanges.service';

const credentialIdParam = validate(credentialId, 'credentialId');

/** Credentials into wallets: the learner's one-time offers, and the W3C VC-API exchange a wallet follows. */
@ApiTags('wallets')
@Controller('api/credentials')
export class WalletExchangesController {
  constructor(private readonly wallets: WalletExchangesService) {}

  @Post('learners/me/credentials/:credentialId/wallet-offers')
  @ApiBearerAuth()
  @Roles('learner')
  @ApiOperation({
    summary:
      'Offer your credential to your wallet once: a VC-API exchange URL, a Learner Credential Wallet deep link and a link for a QR code, which expire (learner)',
  })
  @ApiZodResponse(walletOfferView, { status: 201, description: 'The new offer' })
  offer(@CurrentActor() actor: Actor, @Param('credentialId', credentialIdParam) id: string) {
    return this.wallets.offer(actor, id);
  }

  @Post('exchanges/:exchangeId')
  @Public()
  // Each presentation is verified (JSON-LD canonicalisation): limited per client like public verification.
  @UseGuards(VerificationRateLimitGuard)
  @HttpCode(200)
  @ApiOperation({
    summary:
      'W3C VC-API exchange of a wallet offer (public, the offer’s URL is its key): POST `{}` for the DIDAuth request, then `{ verifiablePresentation }` for the credential bound to your DID',
  })
  @ApiZodBody(walletExchangeBody)
  @ApiErrors(
    429,
    [410, 'The offer has delivered its credential already, or has expired'],
    [
      422,
      'The presentation does not prove a did:key with the challenge and domain asked for: `errors` names each failed check',
    ],
  )
  @ApiZodResponse(walletExchangeAnswerView, {
    description:
      'The DIDAuth request (`verifiablePresentationRequest`), or the presentation carrying the credential (`verifiablePresentation`)',
  })
  exchange(
    @Param('exchangeId') exchangeId: string,
    @Body(validate(walletExchangeBody)) body: WalletExchangeBody,
  ) {
    return this.wallets.exchange(exchangeId, body.verifiablePresentation);
  }
}

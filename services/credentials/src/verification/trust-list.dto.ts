import { plainLine } from '@lib/contracts';
import { z } from 'zod';

const httpsOrLocalUrl = z
  .url({ protocol: /^https?$/ })
  .max(500)
  .describe('an http(s) URL (https outside development)');

export const addTrustedIssuerBody = z.strictObject({
  issuerId: httpsOrLocalUrl.describe('the issuer id its credentials carry in issuer.id'),
  name: plainLine(200),
  jwksUrl: httpsOrLocalUrl.describe('where the issuer publishes its public keys (a JWK set)'),
});
export type AddTrustedIssuerBody = z.output<typeof addTrustedIssuerBody>;

export const removeTrustedIssuerBody = z.strictObject({ issuerId: httpsOrLocalUrl });

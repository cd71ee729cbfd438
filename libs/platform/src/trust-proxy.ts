import { isIP } from 'node:net';
import { z } from 'zod';

const PRESETS = ['loopback', 'linklocal', 'uniquelocal'];

/** An address, a CIDR range (`10.0.0.0/8`) or one of Express's names for ranges. */
function isProxyAddress(entry: string): boolean {
  if (PRESETS.includes(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  const family = isIP(address ?? '');
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/**
 * TRUST_PROXY: the proxies whose `X-Forwarded-Proto` (and `-For`) are believed, as Express's `trust proxy` list.
 * Unset, nothing is trusted: a client cannot claim HTTPS by sending the header itself.
 */
export const trustProxySetting = z
  .string()
  .min(1)
  .transform((value) => value.split(',').map((entry) => entry.trim()))
  .refine(
    (entries) => entries.every(isProxyAddress),
    'a comma-separated list of addresses, CIDR ranges, loopback, linklocal or uniquelocal',
  )
  .optional();

import { validate } from '@lib/platform';
import { z } from 'zod';

/** A share link's token: 24 random bytes, base64url (see `SharingService`). */
export const shareToken = z.string().regex(/^[A-Za-z0-9_-]{32}$/, 'is not a share link');

/** The `:token` route parameter of share-link routes. */
export const shareTokenParam = validate(shareToken, 'token');

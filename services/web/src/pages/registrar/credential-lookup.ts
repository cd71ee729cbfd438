import { ApiError, type ApiClients, dataOf } from '../../api/client';

/** A credential the registrar named, and, when it could be read, what it certifies and its status now. */
export interface FoundCredential {
  credentialId: string;
  verification?: Awaited<ReturnType<typeof verify>>;
}

function verify(api: ApiClients, credential: string, organisationId: string | undefined) {
  return dataOf(
    api.credentials.POST('/api/credentials/verify', {
      params: { query: organisationId ? { organisationId } : {} },
      body: { credential },
    }),
  );
}

/** The share token in a share link or certificate QR code link (`/verify?share=<token>`), if it is one. */
function shareTokenOf(text: string): string | undefined {
  try {
    return new URL(text).searchParams.get('share') ?? undefined;
  } catch {
    return undefined;
  }
}

const looksLikeJwt = (text: string) => /^[\w-]+\.[\w-]+\.[\w-]+$/.test(text);

/**
 * Finds a credential from what a learner or employer can give: its share or certificate link, the credential
 * itself (the `.jwt`), or its id (`urn:uuid:…`, which names it without saying what it certifies).
 */
export async function lookUpCredential(
  api: ApiClients,
  given: string,
  organisationId: string | undefined,
): Promise<FoundCredential> {
  const text = given.trim();
  const token = shareTokenOf(text);
  if (token) {
    const shared = await dataOf(
      api.credentials.GET('/api/credentials/shared/{token}', { params: { path: { token } } }),
    ).catch((error: unknown) => {
      if (error instanceof ApiError && error.problem.status === 404)
        throw new Error('This link has been withdrawn by the learner, or is not a link to a credential.');
      throw error;
    });
    return { credentialId: shared.credentialId, verification: await verify(api, shared.jwt, organisationId) };
  }
  if (looksLikeJwt(text)) {
    const verification = await verify(api, text, organisationId);
    const credentialId = verification.summary.credentialId;
    if (!credentialId) throw new Error('This credential could not be read: it names no id.');
    return { credentialId, verification };
  }
  if (/^urn:uuid:[0-9a-f-]{36}$/i.test(text)) return { credentialId: text.toLowerCase() };
  throw new Error(
    'Paste a certificate or share link (…/verify?share=…), the credential itself (a .jwt), or its id (urn:uuid:…).',
  );
}

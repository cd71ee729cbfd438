import createClient, { type Middleware } from 'openapi-fetch';
import type { paths as AssessmentPaths } from './generated/assessment';
import type { paths as CredentialsPaths } from './generated/credentials';
import type { paths as EnrolmentPaths } from './generated/enrolment';
import type { paths as RecognitionPaths } from './generated/recognition';
import { sessionEnded } from '../auth/session-ended';
import { ApiError, type ApiProblem } from './api-error';

export { ApiError, type ApiProblem };

/** Typed clients for the four services on the app's own origin (the gateway), with the signed-in user's token. */
export function apiClients(accessToken: () => string | undefined) {
  const auth: Middleware = {
    onRequest({ request }) {
      const token = accessToken();
      if (token) request.headers.set('authorization', `Bearer ${token}`);
      return request;
    },
  };
  const make = <P extends object>() => {
    const client = createClient<P>({ baseUrl: '' });
    client.use(auth);
    return client;
  };
  return {
    enrolment: make<EnrolmentPaths>(),
    assessment: make<AssessmentPaths>(),
    credentials: make<CredentialsPaths>(),
    recognition: make<RecognitionPaths>(),
  };
}

export type ApiClients = ReturnType<typeof apiClients>;

/** The data of a successful answer, or the problem as an ApiError (a 401 as SessionEnded). */
export async function dataOf<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  const { data, error, response } = await call;
  if (response.status === 401) throw sessionEnded();
  if (!response.ok || data === undefined) {
    const body = (error ?? {}) as Partial<ApiProblem>;
    throw new ApiError({
      status: response.status,
      message: body.message ?? `The request failed (${response.status}).`,
      ...(body.errors ? { errors: body.errors } : {}),
    });
  }
  return data;
}

/** For calls that answer no content (204): resolves when it succeeded, throws as dataOf does otherwise. */
export async function succeeded(call: Promise<{ error?: unknown; response: Response }>): Promise<void> {
  const { response } = await call;
  if (response.ok) return;
  await dataOf(call);
}

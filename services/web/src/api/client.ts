import createClient, { type Middleware } from 'openapi-fetch';
import type { paths as AssessmentPaths } from './generated/assessment';
import type { paths as CredentialsPaths } from './generated/credentials';
import type { paths as EnrolmentPaths } from './generated/enrolment';
import type { paths as RecognitionPaths } from './generated/recognition';

/** The services' error shape (every 4xx and 5xx): a message and, for bad input, the fields at fault. */
export interface ApiProblem {
  status: number;
  message: string;
  errors?: { field: string; message: string }[];
}

/** Thrown for any answer that is not a success, so pages show the API's own words next to the fields. */
export class ApiError extends Error {
  constructor(readonly problem: ApiProblem) {
    super(problem.message);
  }
}

/** Raised when the access token is refused or has expired: the app asks the user to sign in again. */
export class SessionEnded extends Error {}

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
  if (response.status === 401) throw new SessionEnded('Your session has ended. Sign in again to carry on.');
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

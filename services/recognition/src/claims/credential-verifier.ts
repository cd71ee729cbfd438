import type { VerificationResult } from '@lib/vc';
import { Inject, Injectable } from '@nestjs/common';

export const RECOGNITION_SETTINGS = Symbol('RECOGNITION_SETTINGS');

/** Recognition's own settings, read by its one configuration schema in `recognition.definition.ts`. */
export interface RecognitionSettings {
  /** Where the credentials service answers (its verification API), e.g. http://127.0.0.1:3003, no trailing slash. */
  credentialsUrl: string;
}

/**
 * Uploaded credentials are checked by the credentials service's verifier, the same one employers use, with the
 * learner's email as the holder check and the programme's awarding body as the one whose trust counts: only a
 * `valid` credential about this learner, from an issuer that body trusts, counts.
 */
@Injectable()
export class CredentialVerifier {
  constructor(@Inject(RECOGNITION_SETTINGS) private readonly settings: RecognitionSettings) {}

  /** One result per credential, in order, from one batch call, trusting what that awarding body trusts. */
  async verifyAll(
    jwts: string[],
    holderEmail: string | undefined,
    awardingBodyId: string,
  ): Promise<VerificationResult[]> {
    if (jwts.length === 0) return [];
    const query = new URLSearchParams({ organisationId: awardingBodyId });
    const response = await fetch(
      `${this.settings.credentialsUrl}/api/credentials/verify/batch?${query.toString()}`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ credentials: jwts, ...(holderEmail ? { holderEmail } : {}) }),
        signal: AbortSignal.timeout(30_000),
      },
    );
    if (!response.ok) throw new Error(`the verifier answered ${response.status}`);
    return ((await response.json()) as { results: VerificationResult[] }).results;
  }
}

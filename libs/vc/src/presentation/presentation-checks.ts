/** The checks of a presentation itself, besides those of each credential it carries. */
export const PRESENTATION_CHECKS = {
  'presentation-format': 'Presentation format',
  'presentation-proof': "Holder's proof",
  'holder-key': "The proof's key is the holder's",
  challenge: 'Challenge',
  domain: 'Domain',
  credentials: 'Every credential verified',
} as const;

export type PresentationCheckId = keyof typeof PRESENTATION_CHECKS;

export interface PresentationProblem {
  check: PresentationCheckId;
  message: string;
}

/** What the verifier asked the holder to sign: a nonce against replay, and itself as the audience. */
export interface PresentationExpectations {
  challenge?: string;
  domain?: string;
  /**
   * Whether a VC Data Model 1.1 DIDAuth presentation (Data Integrity proof, no credentials) is read too, as older
   * Learner Credential Wallet builds sign them: only where a presentation proves a DID and nothing more.
   */
  acceptV1DidAuth?: boolean;
}

/** The presentation's own checks, and the credentials it carries (none when its form could not be read). */
export interface PresentationProofResult {
  passed: PresentationCheckId[];
  problems: PresentationProblem[];
  warnings: PresentationProblem[];
  credentials: unknown[];
  /** The DID whose did:key made the holder's proof, once that proof verified (who a credential may be bound to). */
  provenHolder?: string;
}

/** Collects the presentation's checks as they are made. */
export class PresentationReport {
  readonly passed: PresentationCheckId[] = [];
  readonly problems: PresentationProblem[] = [];
  readonly warnings: PresentationProblem[] = [];

  /** Records a check: passed when there is no problem. */
  check(check: PresentationCheckId, problem: string | undefined): void {
    if (problem === undefined) this.passed.push(check);
    else this.problems.push({ check, message: problem });
  }

  warn(check: PresentationCheckId, message: string): void {
    this.warnings.push({ check, message });
  }

  /** The result; `provenHolder` is kept only when the proof and the holder's key checks passed. */
  result(credentials: unknown[], holder?: string): PresentationProofResult {
    const proven =
      holder !== undefined &&
      this.passed.includes('presentation-proof') &&
      this.passed.includes('holder-key');
    return {
      passed: this.passed,
      problems: this.problems,
      warnings: this.warnings,
      credentials,
      ...(proven ? { provenHolder: holder } : {}),
    };
  }
}

/**
 * The challenge and domain checks: each must match what the verifier asked for; one not asked for is a warning
 * (without a challenge a presentation can be replayed).
 */
export function checkChallengeAndDomain(
  report: PresentationReport,
  expected: PresentationExpectations,
  carried: { challenge: unknown; domain: unknown },
  names: { challenge: string; domain: string },
): void {
  for (const check of ['challenge', 'domain'] as const) {
    const wanted = expected[check];
    if (wanted === undefined) {
      report.warn(check, `No ${check} was asked for, so none was checked.`);
      continue;
    }
    const value = carried[check];
    const carries = Array.isArray(value) ? value.includes(wanted) : value === wanted;
    report.check(
      check,
      carries
        ? undefined
        : value === undefined
          ? `The presentation carries no ${check} (${names[check]}); ${wanted} was asked for.`
          : `The presentation's ${check} (${names[check]}) is not the one asked for.`,
    );
  }
}

import type { Cryptosuite } from './cryptosuite';
import { cryptosuiteOf, SUPPORTED_PROOFS } from './cryptosuites';
import { isDateTimeStamp, type ProofOptions } from './proof-options';

export interface ProofExpectations {
  expectedProofPurpose?: string;
  challenge?: string;
  domain?: string;
  now?: Date;
}

/** A proof as read from a secured document; it may name its own contexts. */
export type ReadProof = ProofOptions & { proofValue: string; '@context'?: unknown };

const isText = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

/**
 * The document's one proof, of a suite we verify, checked against what the verifier expects before any
 * cryptography, or the problem with it.
 */
export function readProof(
  proof: unknown,
  expected: ProofExpectations,
): { proof: ReadProof; suite: Cryptosuite } | { problem: string } {
  if (proof === undefined) return { problem: 'the document has no proof' };
  if (Array.isArray(proof))
    return { problem: 'proof sets are not supported: the document has several proofs' };
  if (!proof || typeof proof !== 'object') return { problem: 'the proof is not an object' };
  const candidate = proof as Record<string, unknown>;
  const suite = cryptosuiteOf(candidate);
  if (!suite) return { problem: `the proof is not one we verify (${SUPPORTED_PROOFS})` };
  const problem = shapeProblem(candidate) ?? expectationProblem(candidate, expected);
  return problem ? { problem } : { proof: candidate as unknown as ReadProof, suite };
}

function shapeProblem(proof: Record<string, unknown>): string | undefined {
  if (!isText(proof.proofValue)) return 'the proof has no proofValue';
  if (!isText(proof.verificationMethod)) return 'the proof has no verificationMethod';
  if (!isText(proof.proofPurpose)) return 'the proof has no proofPurpose';
  for (const member of ['created', 'expires'] as const) {
    if (proof[member] !== undefined && !isDateTimeStamp(proof[member])) {
      return `the proof's ${member} is not a date and time with a zone`;
    }
  }
  return undefined;
}

function expectationProblem(proof: Record<string, unknown>, expected: ProofExpectations): string | undefined {
  const purpose = expected.expectedProofPurpose ?? 'assertionMethod';
  if (proof.proofPurpose !== purpose) return `the proof's purpose is not ${purpose}`;
  if (
    typeof proof.expires === 'string' &&
    Date.parse(proof.expires) < (expected.now ?? new Date()).getTime()
  ) {
    return 'the proof has expired';
  }
  if (expected.challenge !== undefined && proof.challenge !== expected.challenge) {
    return 'the proof does not carry the expected challenge';
  }
  if (expected.domain !== undefined && proof.domain !== expected.domain) {
    return 'the proof does not carry the expected domain';
  }
  return undefined;
}

import {
  DATA_INTEGRITY_PROOF,
  EDDSA_RDFC_2022,
  isDateTimeStamp,
  type DataIntegrityProof,
} from './eddsa-rdfc-2022';

export interface ProofExpectations {
  expectedProofPurpose?: string;
  challenge?: string;
  domain?: string;
  now?: Date;
}

/** A proof as read from a secured document; it may name its own contexts. */
export type ReadProof = DataIntegrityProof & { '@context'?: unknown };

const isText = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

/**
 * The document's one eddsa-rdfc-2022 proof, checked against what the verifier expects before any cryptography,
 * or the problem with it.
 */
export function readProof(
  proof: unknown,
  expected: ProofExpectations,
): { proof: ReadProof } | { problem: string } {
  if (proof === undefined) return { problem: 'the document has no proof' };
  if (Array.isArray(proof))
    return { problem: 'proof sets are not supported: the document has several proofs' };
  if (!proof || typeof proof !== 'object') return { problem: 'the proof is not an object' };
  const candidate = proof as Record<string, unknown>;
  const problem = shapeProblem(candidate) ?? expectationProblem(candidate, expected);
  return problem ? { problem } : { proof: candidate as unknown as ReadProof };
}

function shapeProblem(proof: Record<string, unknown>): string | undefined {
  if (proof.type !== DATA_INTEGRITY_PROOF) return `the proof's type is not ${DATA_INTEGRITY_PROOF}`;
  if (proof.cryptosuite !== EDDSA_RDFC_2022) return `the proof's cryptosuite is not ${EDDSA_RDFC_2022}`;
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

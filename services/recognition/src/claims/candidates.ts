import type { VerificationResult } from '@lib/vc';
import type { CredentialWithState } from '../credentials/known-credentials.repository';
import type { CandidateCredential, Level, Unusable } from '../rules/types';

/** One of our credentials as the rules see it. */
export function ourCandidate(credential: CredentialWithState): CandidateCredential {
  return {
    credentialId: credential._id,
    achievementId: credential.achievementId,
    name: credential.name,
    credits: credential.credits,
    level: credential.level,
    ...(credential.fieldOfStudy ? { fieldOfStudy: credential.fieldOfStudy } : {}),
    learningOutcomes: credential.learningOutcomes,
    issuerId: credential.issuerId,
    external: false,
    awardedAt: credential.awardedAt.toISOString(),
    ...(credential.state === 'active' ? {} : { unusable: credential.state }),
  };
}

const UNUSABLE: Partial<Record<VerificationResult['status'], Unusable>> = {
  revoked: 'revoked',
  suspended: 'suspended',
  'untrusted-issuer': 'untrusted-issuer',
};

type Json = Record<string, unknown>;

/** An uploaded credential, read from its verified payload; anything but `valid` makes it unusable, with why. */
export function uploadedCandidate(jwt: string, result: VerificationResult): CandidateCredential {
  const payload = decodePayload(jwt);
  const subject = object(
    Array.isArray(payload.credentialSubject) ? payload.credentialSubject[0] : payload.credentialSubject,
  );
  const achievement = object(subject.achievement);
  const issuer = payload.issuer;
  return {
    credentialId: typeof payload.id === 'string' ? payload.id : `uploaded:${jwt.slice(-16)}`,
    achievementId: typeof achievement.id === 'string' ? achievement.id : '',
    name: result.summary.course ?? 'An uploaded credential',
    credits: result.summary.credits ?? 0,
    level: levelOf(achievement),
    ...(typeof achievement.fieldOfStudy === 'string' ? { fieldOfStudy: achievement.fieldOfStudy } : {}),
    learningOutcomes: list(achievement['ext:learningOutcomes']).filter(
      (o): o is string => typeof o === 'string',
    ),
    issuerId: typeof issuer === 'string' ? issuer : text(object(issuer).id),
    external: true,
    awardedAt: text(payload.awardedDate) || text(payload.validFrom),
    ...(result.status === 'valid' ? {} : { unusable: UNUSABLE[result.status] ?? 'invalid' }),
  };
}

function levelOf(achievement: Json): Level {
  const alignments = list(achievement.alignment).map(object);
  const national = alignments.find(
    (a) => a.targetType === 'ext:QualificationsFrameworkLevel' && a.targetFramework !== 'EQF',
  );
  const eqf = alignments.find((a) => a.targetFramework === 'EQF');
  const framework = (['FHEQ', 'RQF', 'SCQF'] as const).find((f) => f === national?.targetFramework) ?? 'FHEQ';
  const eqfLevel = Number(eqf?.targetCode ?? national?.targetCode ?? 0);
  return { framework, level: Number(national?.targetCode ?? eqfLevel), eqfLevel };
}

function decodePayload(jwt: string): Json {
  try {
    return object(JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')));
  } catch {
    return {};
  }
}

function object(value: unknown): Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {};
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

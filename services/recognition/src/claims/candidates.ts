import { asList, asObject, asText, jwtPayloadOf, type JsonObject, type VerificationResult } from '@lib/vc';
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

/** An uploaded credential, read from its verified payload; anything but `valid` makes it unusable, with why. */
export function uploadedCandidate(jwt: string, result: VerificationResult): CandidateCredential {
  const payload: JsonObject = jwtPayloadOf(jwt) ?? {};
  const subject = asObject(
    Array.isArray(payload.credentialSubject) ? payload.credentialSubject[0] : payload.credentialSubject,
  );
  const achievement = asObject(subject.achievement);
  const issuer = payload.issuer;
  return {
    credentialId: typeof payload.id === 'string' ? payload.id : `uploaded:${jwt.slice(-16)}`,
    achievementId: typeof achievement.id === 'string' ? achievement.id : '',
    name: result.summary.course ?? 'An uploaded credential',
    credits: result.summary.credits ?? 0,
    level: levelOf(achievement),
    ...(typeof achievement.fieldOfStudy === 'string' ? { fieldOfStudy: achievement.fieldOfStudy } : {}),
    learningOutcomes: asList(achievement['ext:learningOutcomes']).filter(
      (o): o is string => typeof o === 'string',
    ),
    issuerId: typeof issuer === 'string' ? issuer : (asText(asObject(issuer).id) ?? ''),
    external: true,
    awardedAt: asText(payload.awardedDate) ?? asText(payload.validFrom) ?? '',
    ...(result.status === 'valid' ? {} : { unusable: UNUSABLE[result.status] ?? 'invalid' }),
  };
}

function levelOf(achievement: JsonObject): Level {
  const alignments = asList(achievement.alignment).map(asObject);
  const national = alignments.find(
    (a) => a.targetType === 'ext:QualificationsFrameworkLevel' && a.targetFramework !== 'EQF',
  );
  const eqf = alignments.find((a) => a.targetFramework === 'EQF');
  const framework = (['FHEQ', 'RQF', 'SCQF'] as const).find((f) => f === national?.targetFramework) ?? 'FHEQ';
  const eqfLevel = Number(eqf?.targetCode ?? national?.targetCode ?? 0);
  return { framework, level: Number(national?.targetCode ?? eqfLevel), eqfLevel };
}

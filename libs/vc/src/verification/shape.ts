import { CREDENTIAL_CONTEXTS } from '../contexts';
import { asList, type JsonObject } from '../json-reading';

/**
 * The data-model rules a credential's JSON must follow, the first problem found in words, or undefined: the VC 2.0
 * rules for any credential, and the Open Badges 3.0 rules (credentials-standards.md, section 1) for one that says it
 * is an Open Badge.
 */
export function isOpenBadge(credential: JsonObject): boolean {
  const types = asList(credential.type);
  return types.includes('OpenBadgeCredential') || types.includes('AchievementCredential');
}

export function shapeProblem(credential: JsonObject): string | undefined {
  const types = asList(credential.type);
  const openBadge = isOpenBadge(credential);
  const contexts = credential['@context'];
  if (!Array.isArray(contexts) || contexts[0] !== CREDENTIAL_CONTEXTS[0])
    return `@context must be an array beginning with ${CREDENTIAL_CONTEXTS[0]}.`;
  if (openBadge && CREDENTIAL_CONTEXTS.some((context, i) => contexts[i] !== context))
    return `@context must begin with ${CREDENTIAL_CONTEXTS.join(' then ')}, in that order.`;
  if (!types.includes('VerifiableCredential')) return 'type must include VerifiableCredential.';
  if (credential.id !== undefined && typeof credential.id !== 'string')
    return 'The credential id is not a URL.';
  if (openBadge && typeof credential.id !== 'string') return 'The credential has no id.';
  const issuer = credential.issuer;
  if (typeof issuer !== 'string' && (!isObject(issuer) || typeof issuer.id !== 'string'))
    return 'The credential has no issuer id.';
  if (openBadge && isObject(issuer) && !asList(issuer.type).includes('Profile'))
    return 'The issuer is not a Profile.';
  // VC 2.0 makes validFrom optional; Open Badges requires it.
  if (
    (openBadge || credential.validFrom !== undefined) &&
    (typeof credential.validFrom !== 'string' || Number.isNaN(Date.parse(credential.validFrom)))
  )
    return 'validFrom is missing or not a date.';
  const subject = Array.isArray(credential.credentialSubject)
    ? (credential.credentialSubject[0] as unknown)
    : credential.credentialSubject;
  if (!isObject(subject)) return 'The credential has no credentialSubject.';
  if (!openBadge) return statusProblem(credential.credentialStatus);
  if (subject.id === undefined && subject.identifier === undefined)
    return 'The credentialSubject has neither an id nor an identifier.';
  return achievementProblem(subject) ?? statusProblem(credential.credentialStatus);
}

function achievementProblem(subject: JsonObject): string | undefined {
  const achievement = subject.achievement;
  if (!isObject(achievement)) return 'The credentialSubject has no achievement.';
  if (!asList(achievement.type).includes('Achievement')) return 'The achievement is not of type Achievement.';
  for (const field of ['id', 'name', 'description'] as const)
    if (typeof achievement[field] !== 'string') return `The achievement has no ${field}.`;
  const criteria = achievement.criteria;
  if (!isObject(criteria) || (criteria.narrative === undefined && criteria.id === undefined))
    return 'The achievement has no criteria.';
  const descriptions = new Set(
    asList(achievement.resultDescription).map((d) => (isObject(d) ? d.id : undefined)),
  );
  for (const result of asList(subject.result)) {
    if (!isObject(result)) return 'A result is not an object.';
    if (result.resultDescription !== undefined && !descriptions.has(result.resultDescription))
      return `A result refers to ${JSON.stringify(result.resultDescription)}, which is not one of the achievement's result descriptions.`;
  }
  return undefined;
}

function statusProblem(status: unknown): string | undefined {
  if (status === undefined) return undefined;
  for (const entry of Array.isArray(status) ? status : [status]) {
    if (!isObject(entry) || entry.type !== 'BitstringStatusListEntry')
      return 'A credentialStatus entry is not a BitstringStatusListEntry.';
    if (typeof entry.statusListCredential !== 'string' || !/^\d+$/.test(String(entry.statusListIndex)))
      return 'A credentialStatus entry has no list URL or index.';
  }
  return undefined;
}

function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

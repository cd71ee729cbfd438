import { asList, asObject, asText, type JsonObject } from './json-reading';
/**
 * What a credential certifies, in plain words: for a person reading a certificate or a verification result.
 * Read defensively, since credentials from other issuers may leave things out; nothing here is trusted until the
 * credential is verified.
 */
export interface CredentialSummary {
  credentialId?: string;
  learnerName?: string;
  course?: string;
  courseCode?: string;
  credits?: number;
  creditScheme?: string;
  /** e.g. "FHEQ level 7 (EQF level 7)". */
  level?: string;
  /** e.g. ["Overall mark: 72", "Grade: Merit"]. */
  results: string[];
  awardingBody?: string;
  awardingBodyId?: string;
  deliveringPartner?: string;
  /** YYYY-MM-DD. */
  awardedOn?: string;
  validUntil?: string;
}

export function summariseCredential(credential: unknown): CredentialSummary {
  const vc = asObject(credential);
  const subject = asObject(
    Array.isArray(vc.credentialSubject) ? vc.credentialSubject[0] : vc.credentialSubject,
  );
  const achievement = asObject(subject.achievement);
  const issuer = typeof vc.issuer === 'string' ? { id: vc.issuer } : asObject(vc.issuer);
  const credits = number(subject.creditsEarned) ?? number(achievement.creditsAvailable);
  const awarded = asText(vc.awardedDate) ?? asText(vc.validFrom);
  return definedOnly({
    credentialId: asText(vc.id),
    learnerName: asText(subject.name),
    course: asText(achievement.name) ?? asText(vc.name),
    courseCode: asText(achievement.humanCode),
    credits,
    creditScheme: credits === undefined ? undefined : creditSchemeOf(achievement),
    level: levelOf(achievement),
    results: resultsOf(subject, achievement),
    awardingBody: asText(issuer.name),
    awardingBodyId: asText(issuer.id),
    deliveringPartner: asText(asObject(subject.source).name),
    awardedOn: awarded?.slice(0, 10),
    validUntil: asText(vc.validUntil)?.slice(0, 10),
  });
}

function levelOf(achievement: JsonObject): string | undefined {
  const levels = alignments(achievement).filter((a) => a.targetType === 'ext:QualificationsFrameworkLevel');
  const national = levels.find((a) => a.targetFramework !== 'EQF');
  const eqf = levels.find((a) => a.targetFramework === 'EQF');
  const names = [national, eqf].flatMap((a) => (a && asText(a.targetName) ? [asText(a.targetName)!] : []));
  if (names.length === 0) return undefined;
  return names.length === 2 ? `${names[0]} (${names[1]})` : names[0];
}

function creditSchemeOf(achievement: JsonObject): string {
  const scheme = alignments(achievement).find((a) => a.targetType === 'ext:CreditScheme');
  return asText(scheme?.targetCode) === 'UK-CATS' ? 'UK credits' : (asText(scheme?.targetName) ?? 'credits');
}

function resultsOf(subject: JsonObject, achievement: JsonObject): string[] {
  const descriptions = asList(achievement.resultDescription).map(asObject);
  return asList(subject.result)
    .map(asObject)
    .flatMap((result) => {
      const value = asText(result.value) ?? asText(result.status);
      if (value === undefined) return [];
      const described = descriptions.find((d) => d.id === result.resultDescription);
      const name = asText(described?.name);
      const shown = described?.resultType === 'Percent' ? `${value}%` : value;
      return [name ? `${name}: ${shown}` : shown];
    });
}

function alignments(achievement: JsonObject): JsonObject[] {
  return asList(achievement.alignment).map(asObject);
}

function number(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function definedOnly<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

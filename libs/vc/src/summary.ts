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

type Json = Record<string, unknown>;

export function summariseCredential(credential: unknown): CredentialSummary {
  const vc = object(credential);
  const subject = object(
    Array.isArray(vc.credentialSubject) ? vc.credentialSubject[0] : vc.credentialSubject,
  );
  const achievement = object(subject.achievement);
  const issuer = typeof vc.issuer === 'string' ? { id: vc.issuer } : object(vc.issuer);
  const credits = number(subject.creditsEarned) ?? number(achievement.creditsAvailable);
  const awarded = text(vc.awardedDate) ?? text(vc.validFrom);
  return definedOnly({
    credentialId: text(vc.id),
    learnerName: text(subject.name),
    course: text(achievement.name) ?? text(vc.name),
    courseCode: text(achievement.humanCode),
    credits,
    creditScheme: credits === undefined ? undefined : creditSchemeOf(achievement),
    level: levelOf(achievement),
    results: resultsOf(subject, achievement),
    awardingBody: text(issuer.name),
    awardingBodyId: text(issuer.id),
    deliveringPartner: text(object(subject.source).name),
    awardedOn: awarded?.slice(0, 10),
    validUntil: text(vc.validUntil)?.slice(0, 10),
  });
}

function levelOf(achievement: Json): string | undefined {
  const levels = alignments(achievement).filter((a) => a.targetType === 'ext:QualificationsFrameworkLevel');
  const national = levels.find((a) => a.targetFramework !== 'EQF');
  const eqf = levels.find((a) => a.targetFramework === 'EQF');
  const names = [national, eqf].flatMap((a) => (a && text(a.targetName) ? [text(a.targetName)!] : []));
  if (names.length === 0) return undefined;
  return names.length === 2 ? `${names[0]} (${names[1]})` : names[0];
}

function creditSchemeOf(achievement: Json): string {
  const scheme = alignments(achievement).find((a) => a.targetType === 'ext:CreditScheme');
  return text(scheme?.targetCode) === 'UK-CATS' ? 'UK credits' : (text(scheme?.targetName) ?? 'credits');
}

function resultsOf(subject: Json, achievement: Json): string[] {
  const descriptions = list(achievement.resultDescription).map(object);
  return list(subject.result)
    .map(object)
    .flatMap((result) => {
      const value = text(result.value) ?? text(result.status);
      if (value === undefined) return [];
      const described = descriptions.find((d) => d.id === result.resultDescription);
      const name = text(described?.name);
      const shown = described?.resultType === 'Percent' ? `${value}%` : value;
      return [name ? `${name}: ${shown}` : shown];
    });
}

function alignments(achievement: Json): Json[] {
  return list(achievement.alignment).map(object);
}

function object(value: unknown): Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {};
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function number(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function definedOnly<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

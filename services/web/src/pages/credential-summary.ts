/** What a credential certifies, read from its signed JWT's payload for display (the services verify; we only show). */
export interface CredentialFacts {
  course: string;
  credits?: number;
  level?: string;
  awardingBody?: string;
  validFrom?: string;
}

export function factsOf(jwt: string, fallbackName: string): CredentialFacts {
  const vc = payloadOf(jwt);
  const subject = objectOf(vc.credentialSubject);
  const achievement = objectOf(subject.achievement);
  const issuer = objectOf(vc.issuer);
  const alignment = Array.isArray(achievement.alignment) ? achievement.alignment.map(objectOf) : [];
  const level = alignment.find((a) => typeof a.targetName === 'string' && /level/i.test(a.targetName));
  return {
    course: stringOf(achievement.name) ?? fallbackName,
    ...(typeof achievement.creditsAvailable === 'number' ? { credits: achievement.creditsAvailable } : {}),
    ...(level ? { level: stringOf(level.targetName) } : {}),
    ...(stringOf(issuer.name) ? { awardingBody: stringOf(issuer.name) } : {}),
    ...(stringOf(vc.validFrom) ? { validFrom: stringOf(vc.validFrom) } : {}),
  };
}

function payloadOf(jwt: string): Record<string, unknown> {
  try {
    const part = (jwt.split('.')[1] ?? '').replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(part), (c) => c.charCodeAt(0));
    return objectOf(JSON.parse(new TextDecoder().decode(bytes)));
  } catch {
    return {};
  }
}

function objectOf(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

import { createHash } from 'node:crypto';
import {
  asList,
  asObject,
  asText,
  CLR_CONTEXTS,
  envelope,
  isoSeconds,
  jwtPayloadOf,
  profile,
  type ProfileInput,
  statusEntry,
} from '@lib/vc';
import type { ApprovedCredit } from './approved-credit.schema';

/** One of the learner's credentials the record holds: its id and the compact JWT as issued. */
export interface HeldCredential {
  credentialId: string;
  jwt: string;
}

/** Everything one learner record is made of, read or drawn beforehand, so the builder is pure. */
export interface ClrFacts {
  credentialId: string;
  issuedAt: Date;
  learnerId: string;
  /** The awarding body as issuer, `id` its public URL. */
  issuer: ProfileInput;
  /** Newest first. */
  credentials: HeldCredential[];
  credits: ApprovedCredit[];
  statusListUrl: string;
  statusIndex: number;
}

/** The credit a record states: approved from at least one of the credentials it holds. */
export function creditsFor(
  credits: readonly ApprovedCredit[],
  credentialIds: readonly string[],
): ApprovedCredit[] {
  const held = new Set(credentialIds);
  return credits
    .filter((credit) => credit.sourceCredentialIds.some((id) => held.has(id)))
    .sort((a, b) => a.decidedAt.getTime() - b.decidedAt.getTime() || a.creditId.localeCompare(b.creditId));
}

/** What a record states, hashed: the same credentials and credit give the same key, whatever their order. */
export function contentKeyOf(credentialIds: readonly string[], creditIds: readonly string[]): string {
  const content = JSON.stringify({ credentials: [...credentialIds].sort(), credits: [...creditIds].sort() });
  return createHash('sha256').update(content).digest('base64url');
}

/** The achievement an MSc module's approved credit stands for; its id names the programme and module. */
export function moduleAchievementId(credit: Pick<ApprovedCredit, 'programmeId' | 'moduleCode'>): string {
  return `urn:credit-bridge:programme:${credit.programmeId}:module:${encodeURIComponent(credit.moduleCode)}`;
}

/**
 * The record before signing: a CLR 2.0 ClrCredential whose ClrSubject holds each credential as issued (an
 * EnvelopedVerifiableCredential carrying the compact VC-JWT, so each still verifies on its own), the achievements
 * they certify and the MSc modules credit was approved toward, and an `isPartOf` association from each credential's
 * achievement to the module its credit counts toward.
 */
export function clrToSign(facts: ClrFacts) {
  const payloads = facts.credentials.map((held) => ({ held, payload: jwtPayloadOf(held.jwt) ?? {} }));
  const achievementOf = new Map(
    payloads.map(({ held, payload }) => [
      held.credentialId,
      asObject(asObject(payload.credentialSubject).achievement),
    ]),
  );
  const newest = asObject(payloads[0]?.payload.credentialSubject);
  const learnerName = asText(newest.name);
  const achievements = new Map<string, Record<string, unknown>>();
  for (const achievement of achievementOf.values()) {
    const id = asText(achievement.id);
    if (id && !achievements.has(id)) achievements.set(id, achievement);
  }
  const associations: Record<string, unknown>[] = [];
  for (const credit of facts.credits) {
    const moduleId = moduleAchievementId(credit);
    achievements.set(moduleId, moduleAchievement(credit, moduleId));
    for (const source of credit.sourceCredentialIds) {
      const sourceId = asText(achievementOf.get(source)?.id);
      if (sourceId)
        associations.push({ type: 'Association', associationType: 'isPartOf', sourceId, targetId: moduleId });
    }
  }
  return {
    '@context': [...CLR_CONTEXTS],
    id: facts.credentialId,
    type: ['VerifiableCredential', 'ClrCredential'],
    issuer: profile(facts.issuer),
    name: `Comprehensive Learner Record${learnerName ? ` of ${learnerName}` : ''} from ${facts.issuer.name}`,
    description: `Every credential ${facts.issuer.name} has issued to the learner and that is in good standing, with the MSc credit approved for them.`,
    validFrom: isoSeconds(facts.issuedAt),
    awardedDate: isoSeconds(facts.issuedAt),
    partial: false,
    credentialSubject: {
      id: `urn:uuid:${facts.learnerId}`,
      type: ['ClrSubject'],
      ...(asList(newest.identifier).length > 0 ? { identifier: asList(newest.identifier) } : {}),
      verifiableCredential: facts.credentials.map((held) => envelope(held.jwt)),
      achievement: [...achievements.values()],
      ...(associations.length > 0 ? { association: associations } : {}),
    },
    credentialStatus: statusEntry(facts.statusListUrl, facts.statusIndex, 'revocation'),
  };
}

/** An MSc module as an Open Badges Achievement: the credit approved toward it, and when. */
function moduleAchievement(credit: ApprovedCredit, id: string): Record<string, unknown> {
  const decided = credit.decidedAt.toISOString().slice(0, 10);
  return {
    id,
    type: ['Achievement'],
    achievementType: 'Course',
    name: `${credit.programmeCode} module ${credit.moduleCode}`,
    humanCode: credit.moduleCode,
    description: `${credit.credits} credits toward module ${credit.moduleCode} of ${credit.programmeCode}, approved on ${decided} by recognition of the learner's credentials.`,
    criteria: {
      narrative: `Credit approved on ${decided} from the credentials associated with this module (isPartOf).`,
    },
    creditsAvailable: credit.credits,
    otherIdentifier: [{ type: 'IdentifierEntry', identifier: credit.creditId, identifierType: 'identifier' }],
  };
}

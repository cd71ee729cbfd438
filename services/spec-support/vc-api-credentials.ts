import { randomUUID } from 'node:crypto';
import { achievementCredential } from '@lib/vc';

export const VC_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
export const UNDEFINED_TERMS_CONTEXT = 'https://www.w3.org/ns/credentials/undefined-terms/v2';

/** A plain VC 2.0 credential to issue through the VC-API: a membership, its terms under the undefined-terms vocabulary. */
export function membershipCredential(
  issuer: string,
  over: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    '@context': [VC_CONTEXT, UNDEFINED_TERMS_CONTEXT],
    type: ['VerifiableCredential', 'HackDayMembershipCredential'],
    issuer,
    name: 'Code4Health hack day member',
    credentialSubject: { id: 'did:example:clinician-42', memberOf: 'Code4Health Leeds', role: 'mentor' },
    ...over,
  };
}

/** An Open Badges 3.0 AchievementCredential to issue through the VC-API, built by our own library. */
export function badgeCredential(issuerId: string): Record<string, unknown> {
  return achievementCredential({
    id: `urn:uuid:${randomUUID()}`,
    issuer: { id: issuerId, name: 'University of Leeds' },
    validFrom: '2026-12-02T09:00:00Z',
    awardedDate: '2026-12-02T09:00:00Z',
    subject: { id: `urn:uuid:${randomUUID()}`, name: 'Ada Lovelace' },
    achievement: {
      id: 'https://credits.example.ac.uk/api/credentials/achievements/mentoring',
      name: 'Hack day mentoring',
      description: 'Mentored a team through a Code4Health hack day.',
      criteria: 'Mentor a team for the whole day.',
      achievementType: 'MicroCredential',
      credits: 1,
      level: { framework: 'FHEQ', level: 7, eqfLevel: 7 },
      humanCode: 'HACK-MENTOR',
      version: '1',
      resultDescriptions: [],
    },
    creditsEarned: 1,
    results: [],
  });
}

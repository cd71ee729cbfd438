import { randomUUID } from 'node:crypto';
import type { AchievementCredentialInput } from '../achievement-credential';
import { statusEntry } from '../status-list';

/** Test data: a credential as our issuing service would build it, for the library's own specs. */
export const ISSUER =
  'https://credits.example.ac.uk/api/credentials/issuers/4c1b1f8e-0f55-4c55-9a59-0b1a7f1f3b2a';

export function sampleCredentialInput(
  over: Partial<AchievementCredentialInput> = {},
): AchievementCredentialInput {
  return {
    id: `urn:uuid:${randomUUID()}`,
    issuer: { id: ISSUER, name: 'University of Leeds', url: 'https://leeds.ac.uk', ukprn: '10007795' },
    validFrom: '2026-12-02T09:00:00Z',
    validUntil: '2031-12-02T09:00:00Z',
    awardedDate: '2026-12-02T09:00:00Z',
    subject: {
      id: `urn:uuid:${randomUUID()}`,
      name: 'Ada Lovelace',
      email: 'Ada@nhs.example',
      emailSalt: 'pepper',
    },
    achievement: {
      id: 'https://credits.example.ac.uk/api/credentials/achievements/6a7b',
      name: 'App building in a day',
      description: 'Build and test a small clinical app.',
      criteria: 'Attend the day and pass the assessed project.',
      achievementType: 'Course',
      credits: 5,
      level: { framework: 'FHEQ', level: 7, eqfLevel: 7 },
      humanCode: 'DH-APP-01',
      version: '1',
      resultDescriptions: [
        { id: 'urn:uuid:rd-mark', name: 'Overall mark', resultType: 'Percent', requiredValue: '40' },
      ],
    },
    creditsEarned: 5,
    results: [{ resultDescription: 'urn:uuid:rd-mark', value: '68' }],
    source: {
      id: 'https://credits.example.ac.uk/api/credentials/issuers/partner',
      name: 'Code4Health Leeds',
    },
    evidence: [{ name: 'App building in a day, 1 December 2026, Leeds' }],
    credentialStatus: statusEntry(
      'https://credits.example.ac.uk/api/credentials/status-lists/l1',
      94567,
      'revocation',
    ),
    ...over,
  };
}

import { createHash } from 'node:crypto';
import { CREDENTIAL_CONTEXTS } from './contexts';
import { ectsOfUkCredits, UK_CREDITS_PER_ECTS } from './credits';

/** An issuer or source organisation as an Open Badges Profile. A UKPRN goes in `otherIdentifier`. */
export interface ProfileInput {
  id: string;
  name: string;
  url?: string;
  email?: string;
  ukprn?: string;
}

export interface LevelInput {
  framework: 'FHEQ' | 'RQF' | 'SCQF';
  level: number;
  eqfLevel: number;
}

export interface AchievementInput {
  /** The https URL of the achievement. */
  id: string;
  name: string;
  description: string;
  criteria: string;
  achievementType: 'Course' | 'MicroCredential';
  /** UK credits. */
  credits: number;
  level: LevelInput;
  humanCode: string;
  version: string;
  fieldOfStudy?: string;
  inLanguage?: string;
  learningOutcomes?: string[];
  resultDescriptions: {
    id: string;
    name: string;
    resultType: 'Percent' | 'LetterGrade';
    requiredValue?: string;
  }[];
}

export interface AchievementCredentialInput {
  id: string;
  issuer: ProfileInput;
  validFrom: string;
  validUntil?: string;
  awardedDate: string;
  subject: { id: string; name?: string; email?: string; emailSalt?: string };
  achievement: AchievementInput;
  creditsEarned: number;
  results: { resultDescription: string; value: string; status?: string }[];
  activityStartDate?: string;
  activityEndDate?: string;
  /** The partner that delivered and assessed on the awarding body's behalf. */
  source?: ProfileInput;
  evidence?: { id?: string; name: string; narrative?: string }[];
  credentialStatus?: Record<string, unknown> | Record<string, unknown>[];
}

export function profile(input: ProfileInput) {
  return {
    id: input.id,
    type: ['Profile'],
    name: input.name,
    ...(input.url ? { url: input.url } : {}),
    ...(input.email ? { email: input.email } : {}),
    ...(input.ukprn
      ? {
          otherIdentifier: [
            { type: 'IdentifierEntry', identifier: input.ukprn, identifierType: 'ext:UKPRN' },
          ],
        }
      : {}),
  };
}

/** "Is this credential about this person": sha256 of email + salt, readable by nobody without the email. */
export function hashedEmailIdentifier(email: string, salt: string) {
  const hex = createHash('sha256').update(`${email.trim().toLowerCase()}${salt}`).digest('hex');
  return {
    type: 'IdentityObject',
    identityType: 'emailAddress',
    hashed: true,
    identityHash: `sha256$${hex}`,
    salt,
  };
}

/** The level and the credit scheme, as Open Badges alignments (credits carry no unit of their own). */
export function levelAndCreditAlignments(level: LevelInput, credits: number) {
  return [
    {
      type: ['Alignment'],
      targetName: `${level.framework} level ${level.level}`,
      targetUrl: frameworkUrl(level.framework),
      targetType: 'ext:QualificationsFrameworkLevel',
      targetCode: String(level.level),
      targetFramework: level.framework,
    },
    {
      type: ['Alignment'],
      targetName: `EQF level ${level.eqfLevel}`,
      targetUrl: `http://data.europa.eu/snb/eqf/${level.eqfLevel}`,
      targetType: 'ext:QualificationsFrameworkLevel',
      targetCode: String(level.eqfLevel),
      targetFramework: 'EQF',
    },
    {
      type: ['Alignment'],
      targetName: `${credits} UK credits (${ectsOfUkCredits(credits)} ECTS)`,
      targetUrl: 'https://www.qaa.ac.uk/the-quality-code/qualifications-frameworks',
      targetType: 'ext:CreditScheme',
      targetCode: 'UK-CATS',
      targetFramework: `UK credit (${UK_CREDITS_PER_ECTS} UK credits = 1 ECTS)`,
    },
  ];
}

function frameworkUrl(framework: LevelInput['framework']): string {
  return framework === 'SCQF'
    ? 'https://scqf.org.uk/about-the-framework/interactive-framework/'
    : 'https://www.qaa.ac.uk/the-quality-code/qualifications-frameworks';
}

/** An Open Badges 3.0 AchievementCredential (VC 2.0), unsigned. */
export function achievementCredential(input: AchievementCredentialInput) {
  const { achievement } = input;
  const identifier =
    input.subject.email && input.subject.emailSalt
      ? [hashedEmailIdentifier(input.subject.email, input.subject.emailSalt)]
      : undefined;
  return {
    '@context': [...CREDENTIAL_CONTEXTS],
    id: input.id,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: profile(input.issuer),
    validFrom: input.validFrom,
    ...(input.validUntil ? { validUntil: input.validUntil } : {}),
    awardedDate: input.awardedDate,
    name: achievement.name,
    description: achievement.description,
    credentialSubject: {
      id: input.subject.id,
      type: ['AchievementSubject'],
      ...(input.subject.name ? { name: input.subject.name } : {}),
      ...(identifier ? { identifier } : {}),
      achievement: {
        id: achievement.id,
        type: ['Achievement'],
        achievementType: achievement.achievementType,
        name: achievement.name,
        description: achievement.description,
        criteria: { narrative: achievement.criteria },
        creditsAvailable: achievement.credits,
        humanCode: achievement.humanCode,
        version: achievement.version,
        ...(achievement.fieldOfStudy ? { fieldOfStudy: achievement.fieldOfStudy } : {}),
        ...(achievement.inLanguage ? { inLanguage: achievement.inLanguage } : {}),
        alignment: levelAndCreditAlignments(achievement.level, achievement.credits),
        resultDescription: achievement.resultDescriptions.map((description) => ({
          type: ['ResultDescription'],
          ...description,
        })),
        ...(achievement.learningOutcomes ? { 'ext:learningOutcomes': achievement.learningOutcomes } : {}),
      },
      creditsEarned: input.creditsEarned,
      result: input.results.map((result) => ({ type: ['Result'], ...result })),
      ...(input.activityStartDate ? { activityStartDate: input.activityStartDate } : {}),
      ...(input.activityEndDate ? { activityEndDate: input.activityEndDate } : {}),
      ...(input.source ? { source: profile(input.source) } : {}),
    },
    ...(input.evidence ? { evidence: input.evidence.map((item) => ({ type: ['Evidence'], ...item })) } : {}),
    ...(input.credentialStatus ? { credentialStatus: input.credentialStatus } : {}),
  };
}

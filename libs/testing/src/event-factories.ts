import { randomUUID } from 'node:crypto';
import type {
  CreditApprovedV1,
  CreditWithdrawnV1,
  CredentialIssuedV1,
  CredentialRevokedV1,
  EnrolmentCompletedV1,
  EnrolmentCreatedV1,
  OfferingPublishedV1,
  ResultRatifiedV1,
  ResultRecordedV1,
} from '@lib/contracts';

/** Valid event data, one factory per event; a spec overrides only the fields it is about. */
const now = (): string => new Date().toISOString();
const level = { framework: 'FHEQ' as const, level: 7, eqfLevel: 7 };

export const eventFactories = {
  offeringPublished: (over: Partial<OfferingPublishedV1> = {}): OfferingPublishedV1 => ({
    offeringId: randomUUID(),
    courseId: randomUUID(),
    courseCode: 'DH-APP-01',
    courseTitle: 'App building in a day',
    awardingBodyId: randomUUID(),
    deliveringOrganisationId: randomUUID(),
    startDate: '2026-12-01',
    endDate: '2026-12-01',
    mode: 'in-person',
    location: 'Leeds',
    capacity: 30,
    credits: { value: 5, scheme: 'UK' },
    level,
    publishedBy: 'registrar-1',
    publishedAt: now(),
    ...over,
  }),
  enrolmentCreated: (over: Partial<EnrolmentCreatedV1> = {}): EnrolmentCreatedV1 => ({
    enrolmentId: randomUUID(),
    learnerId: randomUUID(),
    offeringId: randomUUID(),
    courseId: randomUUID(),
    deliveringOrganisationId: randomUUID(),
    awardingBodyId: randomUUID(),
    status: 'enrolled',
    learner: { givenName: 'Ada', familyName: 'Lovelace', email: 'ada@example.nhs.uk' },
    enrolledBy: 'partner-1',
    enrolledAt: now(),
    ...over,
  }),
  enrolmentCompleted: (over: Partial<EnrolmentCompletedV1> = {}): EnrolmentCompletedV1 => ({
    enrolmentId: randomUUID(),
    learnerId: randomUUID(),
    offeringId: randomUUID(),
    courseId: randomUUID(),
    deliveringOrganisationId: randomUUID(),
    awardingBodyId: randomUUID(),
    attendance: 'attended',
    recordedBy: 'partner-1',
    completedAt: now(),
    ...over,
  }),
  resultRecorded: (over: Partial<ResultRecordedV1> = {}): ResultRecordedV1 => ({
    ...result(),
    status: 'provisional',
    ...over,
  }),
  resultRatified: (over: Partial<ResultRatifiedV1> = {}): ResultRatifiedV1 => ({
    ...result(),
    status: 'ratified',
    ratifiedBy: 'exam-board-1',
    ratifiedAt: now(),
    ...over,
  }),
  credentialIssued: (over: Partial<CredentialIssuedV1> = {}): CredentialIssuedV1 => ({
    ...credential(),
    awardedAt: now(),
    jwt: 'eyJhbGciOiJFUzI1NiJ9.e30.sig',
    ...over,
  }),
  credentialRevoked: (over: Partial<CredentialRevokedV1> = {}): CredentialRevokedV1 => ({
    ...credential(),
    reason: 'Awarded in error',
    revokedBy: 'registrar-1',
    revokedAt: now(),
    ...over,
  }),
  creditApproved: (over: Partial<CreditApprovedV1> = {}): CreditApprovedV1 => ({
    creditId: randomUUID(),
    learnerId: randomUUID(),
    programmeId: randomUUID(),
    programmeCode: 'MSC-DH',
    moduleCode: 'DH7001',
    credits: 15,
    level,
    sourceCredentialIds: [`urn:uuid:${randomUUID()}`],
    decidedBy: 'registrar-1',
    decidedAt: now(),
    ...over,
  }),
  creditWithdrawn: (over: Partial<CreditWithdrawnV1> = {}): CreditWithdrawnV1 => ({
    creditId: randomUUID(),
    learnerId: randomUUID(),
    programmeId: randomUUID(),
    programmeCode: 'MSC-DH',
    moduleCode: 'DH7001',
    credits: 15,
    sourceCredentialIds: [`urn:uuid:${randomUUID()}`],
    reason: 'Supporting credential revoked',
    withdrawnAt: now(),
    ...over,
  }),
};

function result(): Omit<ResultRecordedV1, 'status'> {
  return {
    resultId: randomUUID(),
    version: 1,
    learnerId: randomUUID(),
    offeringId: randomUUID(),
    courseId: randomUUID(),
    attempt: 1,
    components: [{ name: 'Project', weight: 100, mark: 68 }],
    overallMark: 68,
    grade: 'Merit',
    passed: true,
    recordedBy: 'assessor-1',
    recordedAt: now(),
  };
}

function credential(): Omit<CredentialIssuedV1, 'awardedAt' | 'jwt' | 'validUntil'> {
  return {
    credentialId: `urn:uuid:${randomUUID()}`,
    learnerId: randomUUID(),
    achievementId: `https://credits.example.ac.uk/api/credentials/achievements/${randomUUID()}`,
    achievementVersion: 1,
    achievementName: 'App building in a day',
    courseId: randomUUID(),
    courseCode: 'DH-APP-01',
    offeringId: randomUUID(),
    issuerId: `https://credits.example.ac.uk/api/credentials/issuers/${randomUUID()}`,
    awardingBodyId: randomUUID(),
    deliveringOrganisationId: randomUUID(),
    credits: { value: 5, scheme: 'UK' },
    level,
  };
}

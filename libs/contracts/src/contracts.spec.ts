import { eventFactories } from '@lib/testing';
import { CE_HEADERS } from './cloudevents';
import type { EventContract } from './contract';
import { decodeEvent, encodeEvent, InvalidEventError } from './event-codec';
import { EVENT_CONTRACTS, contractForTopic } from './registry';
import { TOPICS, isValidTopicName, deadLetterTopic } from './topics';

type Case = {
  contract: EventContract;
  valid: () => Record<string, unknown>;
  invalid: Record<string, unknown>[];
};

const id = (): string => '0b6f2b6e-8d0f-4c4e-9a3e-6f0c2a1d9b7e';

/** Per event: one valid fixture and fixtures that must be refused (wrong type, missing field, bad value). */
const cases: Case[] = [
  {
    contract: contractForTopic(TOPICS.enrolmentOrganisationRegistered)!,
    valid: () => eventFactories.organisationRegistered(),
    invalid: [
      eventFactories.organisationRegistered({ kind: 'school' as never }),
      eventFactories.organisationRegistered({ ukprn: '123' }),
    ],
  },
  {
    contract: contractForTopic(TOPICS.enrolmentAuthorisationGranted)!,
    valid: () => eventFactories.authorisationGranted(),
    invalid: [
      eventFactories.authorisationGranted({ validFrom: '1 Sept' }),
      { ...eventFactories.authorisationGranted(), partnerId: undefined },
    ],
  },
  {
    contract: contractForTopic(TOPICS.enrolmentAuthorisationWithdrawn)!,
    valid: () => eventFactories.authorisationWithdrawn(),
    invalid: [eventFactories.authorisationWithdrawn({ reason: '' })],
  },
  {
    contract: contractForTopic(TOPICS.enrolmentCoursePublished)!,
    valid: () => eventFactories.coursePublished(),
    invalid: [
      eventFactories.coursePublished({ learningOutcomes: [] }),
      eventFactories.coursePublished({ notionalHours: -1 }),
    ],
  },
  {
    contract: contractForTopic(TOPICS.enrolmentEnrolmentWithdrawn)!,
    valid: () => eventFactories.enrolmentWithdrawn(),
    invalid: [eventFactories.enrolmentWithdrawn({ previousStatus: 'completed' as never })],
  },
  {
    contract: contractForTopic(TOPICS.enrolmentWaitlistPromoted)!,
    valid: () => eventFactories.waitlistPromoted(),
    invalid: [eventFactories.waitlistPromoted({ promotedAt: 'yesterday' })],
  },
  {
    contract: contractForTopic(TOPICS.assessmentResultAmended)!,
    valid: () => eventFactories.resultAmended(),
    invalid: [
      eventFactories.resultAmended({ reason: '' }),
      { ...eventFactories.resultAmended(), previousVersion: undefined },
    ],
  },
  {
    contract: contractForTopic(TOPICS.enrolmentOfferingPublished)!,
    valid: () => eventFactories.offeringPublished(),
    invalid: [
      eventFactories.offeringPublished({ capacity: 0 }),
      eventFactories.offeringPublished({ mode: 'hybrid' as never }),
      { ...eventFactories.offeringPublished(), courseCode: undefined },
    ],
  },
  {
    contract: contractForTopic(TOPICS.enrolmentEnrolmentCreated)!,
    valid: () => eventFactories.enrolmentCreated(),
    invalid: [
      eventFactories.enrolmentCreated({ status: 'pending' as never }),
      eventFactories.enrolmentCreated({
        learner: { givenName: 'A', familyName: 'B', email: 'not-an-email' },
      }),
      eventFactories.enrolmentCreated({ learnerId: 'learner-1' }),
    ],
  },
  {
    contract: contractForTopic(TOPICS.enrolmentEnrolmentCompleted)!,
    valid: () => eventFactories.enrolmentCompleted(),
    invalid: [
      eventFactories.enrolmentCompleted({ attendance: 'yes' as never }),
      eventFactories.enrolmentCompleted({ completedAt: '24/11/2026' }),
    ],
  },
  {
    contract: contractForTopic(TOPICS.assessmentResultRecorded)!,
    valid: () => eventFactories.resultRecorded(),
    invalid: [
      eventFactories.resultRecorded({ overallMark: 101 }),
      { ...eventFactories.resultRecorded(), status: 'ratified' },
      eventFactories.resultRecorded({ attempt: 0 }),
    ],
  },
  {
    contract: contractForTopic(TOPICS.assessmentResultRatified)!,
    valid: () => eventFactories.resultRatified(),
    invalid: [
      { ...eventFactories.resultRatified(), ratifiedBy: undefined },
      eventFactories.resultRatified({ passed: 'yes' as never }),
    ],
  },
  {
    contract: contractForTopic(TOPICS.credentialsCredentialIssued)!,
    valid: () => eventFactories.credentialIssued(),
    invalid: [
      eventFactories.credentialIssued({ credentialId: id() }),
      eventFactories.credentialIssued({ credits: { value: -5, scheme: 'UK' } }),
      eventFactories.credentialIssued({ level: { framework: 'FHEQ', level: 7, eqfLevel: 9 } }),
    ],
  },
  {
    contract: contractForTopic(TOPICS.credentialsDirectCredentialIssued)!,
    valid: () => eventFactories.directCredentialIssued(),
    invalid: [
      eventFactories.directCredentialIssued({ types: [] }),
      eventFactories.directCredentialIssued({ issuerId: 'not a url' }),
      eventFactories.directCredentialIssued({ securedCredential: '' }),
    ],
  },
  {
    contract: contractForTopic(TOPICS.credentialsDirectCredentialRevoked)!,
    valid: () => eventFactories.directCredentialRevoked(),
    invalid: [
      eventFactories.directCredentialRevoked({ types: [] }),
      eventFactories.directCredentialRevoked({ reason: '' }),
      eventFactories.directCredentialRevoked({ awardingBodyId: 'body-1' }),
    ],
  },
  {
    contract: contractForTopic(TOPICS.credentialsLearnerRecordIssued)!,
    valid: () => eventFactories.learnerRecordIssued(),
    invalid: [
      eventFactories.learnerRecordIssued({ credentialIds: [] }),
      eventFactories.learnerRecordIssued({ issuerId: 'not a url' }),
      eventFactories.learnerRecordIssued({ learnerId: 'learner-1' }),
    ],
  },
  {
    contract: contractForTopic(TOPICS.credentialsLearnerRecordRevoked)!,
    valid: () => eventFactories.learnerRecordRevoked(),
    invalid: [
      eventFactories.learnerRecordRevoked({ reason: '' }),
      eventFactories.learnerRecordRevoked({ awardingBodyId: 'body-1' }),
    ],
  },
  {
    contract: contractForTopic(TOPICS.credentialsCredentialRevoked)!,
    valid: () => eventFactories.credentialRevoked(),
    invalid: [
      eventFactories.credentialRevoked({ reason: '' }),
      eventFactories.credentialRevoked({ issuerId: 'not a url' }),
    ],
  },
  {
    contract: contractForTopic(TOPICS.credentialsCredentialSuspended)!,
    valid: () => eventFactories.credentialSuspended(),
    invalid: [eventFactories.credentialSuspended({ reason: '' })],
  },
  {
    contract: contractForTopic(TOPICS.credentialsCredentialReinstated)!,
    valid: () => eventFactories.credentialReinstated(),
    invalid: [eventFactories.credentialReinstated({ reinstatedAt: 'now' })],
  },
  {
    contract: contractForTopic(TOPICS.recognitionCreditApproved)!,
    valid: () => eventFactories.creditApproved(),
    invalid: [
      eventFactories.creditApproved({ sourceCredentialIds: [] }),
      eventFactories.creditApproved({ credits: 0 }),
    ],
  },
  {
    contract: contractForTopic(TOPICS.recognitionCreditWithdrawn)!,
    valid: () => eventFactories.creditWithdrawn(),
    invalid: [
      eventFactories.creditWithdrawn({ reason: '' }),
      eventFactories.creditWithdrawn({ programmeId: 'MSC' }),
    ],
  },
];

describe('event contracts', () => {
  it('has a valid and an invalid fixture for every registered event', () => {
    expect(cases.map((c) => c.contract.topic).sort()).toEqual(EVENT_CONTRACTS.map((c) => c.topic).sort());
  });

  it.each(EVENT_CONTRACTS.map((contract) => [contract.topic, contract]))(
    'names %s by the topic convention',
    (_, contract) => {
      expect(isValidTopicName(contract.topic)).toBe(true);
      expect(deadLetterTopic(contract.topic)).toBe(`${contract.topic}.dlq`);
    },
  );

  describe.each(cases.map((c) => [c.contract.topic, c]))('%s', (_, { contract, valid, invalid }) => {
    it('encodes valid data as a keyed CloudEvents message and decodes it back', () => {
      const data = valid();
      const message = encodeEvent(contract, data as never, {
        source: '/credit-bridge/test',
        correlationId: 'corr-1',
      });
      expect(message.key).toBe(data[contract.keyField]);
      expect(message.headers[CE_HEADERS.specversion]).toBe('1.0');
      expect(message.headers[CE_HEADERS.type]).toBe(contract.topic);
      expect(message.headers[CE_HEADERS.correlationId]).toBe('corr-1');
      const decoded = decodeEvent(contract, message.headers, message.value);
      expect(decoded).toMatchObject({
        ok: true,
        envelope: { data, correlationId: 'corr-1', subject: message.key },
      });
    });

    it.each(invalid.map((data, index) => [index, data]))(
      'refuses invalid fixture %i on both ends',
      (_, data) => {
        expect(() => encodeEvent(contract, data as never, { source: '/t', correlationId: 'c' })).toThrow(
          InvalidEventError,
        );
        const headers = encodeEvent(contract, valid() as never, { source: '/t', correlationId: 'c' }).headers;
        const decoded = decodeEvent(contract, headers, JSON.stringify(data));
        expect(decoded.ok).toBe(false);
      },
    );
  });

  it('refuses a message whose CloudEvents headers are missing or of another type', () => {
    const contract = contractForTopic(TOPICS.enrolmentOfferingPublished)!;
    const message = encodeEvent(contract, eventFactories.offeringPublished(), {
      source: '/t',
      correlationId: 'c',
    });
    const decoded = decodeEvent(
      contract,
      { ...message.headers, ce_type: 'other.thing.happened.v1', ce_id: '' },
      message.value,
    );
    expect(decoded).toEqual({
      ok: false,
      problems: [
        'header ce_id is missing',
        `header ce_type is other.thing.happened.v1, expected ${contract.topic}`,
      ],
    });
  });

  it('refuses a value that is not JSON', () => {
    const contract = contractForTopic(TOPICS.enrolmentOfferingPublished)!;
    const message = encodeEvent(contract, eventFactories.offeringPublished(), {
      source: '/t',
      correlationId: 'c',
    });
    expect(decodeEvent(contract, message.headers, '{not json')).toEqual({
      ok: false,
      problems: ['value is not JSON'],
    });
  });
});

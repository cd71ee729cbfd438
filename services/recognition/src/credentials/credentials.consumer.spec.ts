import type { CredentialRevokedV1, CredentialSuspendedV1, EnrolmentCreatedV1 } from '@lib/contracts';
import { asReal } from '@lib/fakes';
import type { LedgerService } from '../ledger/ledger.service';
import { InMemoryKnownCredentials } from '../testing/in-memory-known-credentials';
import { CredentialsConsumer } from './credentials.consumer';

/** Counts the repository's batch writes, so a spec can see a batch costs one call, not one per event. */
class CountingKnownCredentials extends InMemoryKnownCredentials {
  writes = 0;

  override addStatusFacts(...args: Parameters<InMemoryKnownCredentials['addStatusFacts']>) {
    this.writes += 1;
    return super.addStatusFacts(...args);
  }

  override addLearners(...args: Parameters<InMemoryKnownCredentials['addLearners']>) {
    this.writes += 1;
    return super.addLearners(...args);
  }
}

const credentialEvent = (n: number) => ({
  credentialId: `urn:uuid:credential-${n}`,
  learnerId: `learner-${n}`,
});

describe('CredentialsConsumer', () => {
  let known: CountingKnownCredentials;
  let ledgerCalls: string[];
  let consumer: CredentialsConsumer;

  beforeEach(() => {
    known = new CountingKnownCredentials();
    ledgerCalls = [];
    const ledger = asReal<LedgerService>({
      withdrawFor: (credentialId, reason) =>
        Promise.resolve(void ledgerCalls.push(`withdraw ${credentialId}: ${reason}`)),
      holdFor: (credentialId, action, reason) =>
        Promise.resolve(void ledgerCalls.push(`${action} ${credentialId}: ${reason}`)),
    });
    consumer = new CredentialsConsumer(asReal(known), ledger);
  });

  it('records a batch of revocations in one write, then withdraws credit for each in order', async () => {
    const events = [1, 2].map(
      (n) =>
        ({
          ...credentialEvent(n),
          reason: `reason ${n}`,
          revokedAt: '2025-03-01T10:00:00.000Z',
        }) as CredentialRevokedV1,
    );

    await consumer.revoked(events);

    expect(known.writes).toBe(1);
    expect([...known.facts.keys()]).toEqual([
      'urn:uuid:credential-1:revoke:2025-03-01T10:00:00.000Z',
      'urn:uuid:credential-2:revoke:2025-03-01T10:00:00.000Z',
    ]);
    expect(ledgerCalls).toEqual([
      'withdraw urn:uuid:credential-1: Credential revoked: reason 1',
      'withdraw urn:uuid:credential-2: Credential revoked: reason 2',
    ]);
  });

  it('holds credit for each suspended credential of a batch', async () => {
    const events = [1, 2].map(
      (n) =>
        ({
          ...credentialEvent(n),
          reason: 'Under investigation',
          suspendedAt: '2025-03-01T10:00:00.000Z',
        }) as CredentialSuspendedV1,
    );

    await consumer.suspended(events);

    expect(known.writes).toBe(1);
    expect(ledgerCalls).toEqual([
      'hold urn:uuid:credential-1: Credential suspended: Under investigation',
      'hold urn:uuid:credential-2: Credential suspended: Under investigation',
    ]);
  });

  it('records a batch of enrolments in one write, keeping the first email of a learner enrolled twice', async () => {
    const enrolment = (learnerId: string, email: string) =>
      ({ learnerId, learner: { email } }) as EnrolmentCreatedV1;

    await consumer.enrolled([
      enrolment('learner-1', 'first@example.org'),
      enrolment('learner-2', 'two@example.org'),
      enrolment('learner-1', 'second@example.org'),
    ]);

    expect(known.writes).toBe(1);
    expect(await known.learnerEmail('learner-1')).toBe('first@example.org');
    expect(await known.learnerEmail('learner-2')).toBe('two@example.org');
  });
});

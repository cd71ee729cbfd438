import { randomUUID } from 'node:crypto';
import { TOPICS } from '@lib/contracts';
import { InMemoryLedger } from '../testing/in-memory-ledger';
import { InMemoryProgrammes } from '../testing/in-memory-programmes';
import { asReal } from '@lib/fakes';
import type { Credit, LedgerEntry } from './ledger.schema';
import { LedgerService } from './ledger.service';

const programmeId = randomUUID();
const learnerId = randomUUID();
const awardingBodyId = randomUUID();
const credentialA = `urn:uuid:${randomUUID()}`;
const credentialB = `urn:uuid:${randomUUID()}`;
const LONG_AGO = new Date(Date.now() - 10 * 60_000);

/** A 15-credit approval of module MOD-A for the learner, resting on credential A, unless told otherwise. */
function creditOf(overrides: Partial<Credit> = {}): Credit {
  return {
    _id: randomUUID(),
    claimId: randomUUID(),
    programmeId,
    programmeCode: 'MSC-DH',
    awardingBodyId,
    learnerId,
    moduleCode: 'MOD-A',
    credits: 15,
    level: { framework: 'FHEQ', level: 7, eqfLevel: 7 },
    credentialIds: [credentialA],
    reason: 'Meets the learning outcomes',
    decidedBy: 'registrar-1',
    decidedAt: new Date('2026-06-01T09:00:00Z'),
    ...overrides,
  };
}

/** The programme the credits are in, with its recognition cap. */
function programmeOfCap(maxRecognitionCredits: number): InMemoryProgrammes {
  const programmes = new InMemoryProgrammes();
  programmes.programmes.set(programmeId, {
    _id: programmeId,
    code: 'MSC-DH',
    title: 'MSc Digital Health',
    credits: 180,
    level: { framework: 'FHEQ', level: 7, eqfLevel: 7 },
    awardingBodyId,
    policy: { maxRecognitionCredits, recencyYears: 5, acceptExternal: true },
    createdBy: 'registrar-1',
    createdAt: new Date('2026-01-01T00:00:00Z'),
  });
  return programmes;
}

function entryOf(_id: string, creditId: string, createdAt: Date): LedgerEntry {
  return { _id, creditId, programmeId, learnerId, createdAt };
}

describe('LedgerService', () => {
  let ledger: InMemoryLedger;
  let service: LedgerService;

  beforeEach(() => {
    ledger = new InMemoryLedger();
    service = new LedgerService(asReal(ledger), asReal(programmeOfCap(60)));
  });

  describe('approve', () => {
    it('records the credit with one approved event and takes its module, credential and cap keys when free', async () => {
      const credit = creditOf({ credits: 2 });
      await service.approve(credit, 60);

      const stored = ledger.credits.get(credit._id)!;
      expect(stored.outbox.map((entry) => entry.topic)).toEqual([TOPICS.recognitionCreditApproved]);
      expect(stored.outboxPending).toBe(true);
      expect(JSON.parse(stored.outbox[0]!.value)).toMatchObject({
        creditId: credit._id,
        moduleCode: 'MOD-A',
        credits: 2,
        sourceCredentialIds: [credentialA],
      });
      expect([...ledger.entries.keys()].sort()).toEqual(
        [
          `module:${programmeId}:${learnerId}:MOD-A`,
          `credential:${programmeId}:${credentialA}`,
          `cap:${programmeId}:${learnerId}:1`,
          `cap:${programmeId}:${learnerId}:2`,
        ].sort(),
      );
    });

    it.each([
      [
        'the module is credited already',
        creditOf({ credentialIds: [credentialB] }),
        /Module MOD-A is credited to this learner already/,
      ],
      [
        'the credential counts toward other credit already',
        creditOf({ moduleCode: 'MOD-B' }),
        /already counts toward credit in this programme/,
      ],
      [
        'the credits would pass the cap',
        creditOf({ moduleCode: 'MOD-B', credentialIds: [credentialB], credits: 50 }),
        /would pass the programme's recognition cap of 60 credits \(15 used\)/,
      ],
    ])('refuses with 409 and takes no keys when %s', async (_case, second, refusal) => {
      await service.approve(creditOf(), 60);
      const keysBefore = [...ledger.entries.keys()].sort();

      await expect(service.approve(second, 60)).rejects.toMatchObject({ status: 409, message: refusal });
      expect([...ledger.credits.keys()]).toHaveLength(1);
      expect([...ledger.entries.keys()].sort()).toEqual(keysBefore);
    });

    it('takes over a key held by a stopped decision when no credit was recorded for it long after', async () => {
      const moduleKey = `module:${programmeId}:${learnerId}:MOD-A`;
      ledger.entries.set(moduleKey, entryOf(moduleKey, randomUUID(), LONG_AGO));
      const credit = creditOf();

      await service.approve(credit, 60);
      expect(ledger.entries.get(moduleKey)!.creditId).toBe(credit._id);
    });

    it('refuses a key taken a moment ago by a decision still being made', async () => {
      const moduleKey = `module:${programmeId}:${learnerId}:MOD-A`;
      ledger.entries.set(moduleKey, entryOf(moduleKey, randomUUID(), new Date()));

      await expect(service.approve(creditOf(), 60)).rejects.toMatchObject({ status: 409 });
      expect(ledger.credits.size).toBe(0);
    });

    it.each([
      ['approves when a decision that stopped long ago left the cap slots it needs', LONG_AGO, 'resolves'],
      ['refuses when a decision still being made holds the cap slots it needs', new Date(), 'rejects'],
    ] as const)('%s', async (_case, takenAt, outcome) => {
      const slot = `cap:${programmeId}:${learnerId}:1`;
      ledger.entries.set(slot, entryOf(slot, randomUUID(), takenAt));
      const approval = service.approve(creditOf({ credits: 60 }), 60);
      if (outcome === 'resolves') await expect(approval).resolves.toBeUndefined();
      else await expect(approval).rejects.toMatchObject({ status: 409 });
    });
  });

  describe('withdrawFor', () => {
    it('withdraws the credit resting on a revoked credential, with one withdrawn event, and frees its keys', async () => {
      const credit = creditOf();
      await service.approve(credit, 60);
      const at = new Date('2026-07-01T10:00:00Z');

      await service.withdrawFor(credentialA, 'Credential revoked: plagiarism', at);
      await service.withdrawFor(credentialA, 'Credential revoked: plagiarism', at);

      const withdrawal = ledger.withdrawals.get(credit._id)!;
      expect(withdrawal).toMatchObject({ credentialId: credentialA, withdrawnAt: at, awardingBodyId });
      expect(withdrawal.outbox.map((entry) => entry.topic)).toEqual([TOPICS.recognitionCreditWithdrawn]);
      expect(ledger.withdrawals.size).toBe(1);
      expect(ledger.entries.size).toBe(0);
      expect(await service.liveCredits(programmeId, learnerId)).toEqual([]);
      expect(await service.usedCredentialIds(programmeId, [credentialA])).toEqual(new Set());
    });

    it('leaves credit alone when it rests on other credentials', async () => {
      await service.approve(creditOf({ credentialIds: [credentialB] }), 60);
      await service.withdrawFor(credentialA, 'Credential revoked', new Date());
      expect(ledger.withdrawals.size).toBe(0);
      expect(await service.liveCredits(programmeId, learnerId)).toHaveLength(1);
    });
  });

  describe('holdFor and reviews', () => {
    it('puts credit on hold while its credential is suspended and releases it on reinstatement', async () => {
      const credit = creditOf();
      await service.approve(credit, 60);

      await service.holdFor(credentialA, 'hold', 'Credential suspended', new Date('2026-07-01T10:00:00Z'));
      expect(await service.heldIds([credit._id])).toEqual(new Set([credit._id]));
      expect((await service.reviews(awardingBodyId)).onHold).toEqual([
        expect.objectContaining({ creditId: credit._id, credentialId: credentialA, action: 'hold' }),
      ]);

      await service.holdFor(
        credentialA,
        'release',
        'Credential reinstated',
        new Date('2026-07-02T10:00:00Z'),
      );
      expect(await service.heldIds([credit._id])).toEqual(new Set());
      expect((await service.reviews(awardingBodyId)).onHold).toEqual([]);
    });

    it('lists withdrawn credit for review, without its outbox, and not as on hold', async () => {
      const credit = creditOf();
      await service.approve(credit, 60);
      await service.holdFor(credentialA, 'hold', 'Credential suspended', new Date('2026-07-01T10:00:00Z'));
      await service.withdrawFor(credentialA, 'Credential revoked', new Date('2026-07-02T10:00:00Z'));

      const reviews = await service.reviews(awardingBodyId);
      expect(reviews.onHold).toEqual([]);
      expect(reviews.withdrawn).toEqual([
        {
          creditId: credit._id,
          programmeId,
          awardingBodyId,
          learnerId,
          moduleCode: 'MOD-A',
          credentialId: credentialA,
          reason: 'Credential revoked',
          withdrawnAt: '2026-07-02T10:00:00.000Z',
        },
      ]);
      expect((await service.reviews(randomUUID())).withdrawn).toEqual([]);
    });
  });
});

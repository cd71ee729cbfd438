import { randomUUID } from 'node:crypto';
import type { Actor } from '@lib/auth';
import { TOPICS } from '@lib/contracts';
import type { VerificationResult } from '@lib/vc';
import { InMemoryClaims } from '../testing/in-memory-claims';
import { InMemoryKnownCredentials } from '../testing/in-memory-known-credentials';
import { InMemoryLedger } from '../testing/in-memory-ledger';
import { InMemoryProgrammes } from '../testing/in-memory-programmes';
import { asReal, type PublicOf } from '@lib/fakes';
import { LedgerService } from '../ledger/ledger.service';
import type { ModuleBody } from '../programmes/programme.dto';
import type { RecognitionRule } from '../rules/types';
import { ProgrammesService } from '../programmes/programmes.service';
import type { DecisionBody } from './claim.dto';
import { ClaimsService } from './claims.service';
import type { CredentialVerifier } from './credential-verifier';
import { ProposalsService } from './proposals.service';

const LEVEL_7 = { framework: 'FHEQ', level: 7, eqfLevel: 7 } as const;
const ACHIEVEMENT = 'https://credit-bridge.example/achievements/apps-in-a-day';
const university = randomUUID();
const registrar: Actor = { sub: 'registrar-1', roles: ['registrar'], org: university };

/** These specs upload nothing: the verifier is never asked. */
class NoUploadsVerifier implements PublicOf<CredentialVerifier> {
  verifyAll(jwts: string[]): Promise<VerificationResult[]> {
    return jwts.length ? Promise.reject(new Error('no uploads in these specs')) : Promise.resolve([]);
  }
}

const byAchievement: RecognitionRule = {
  combination: 'any',
  criteria: [{ kind: 'achievement', achievementId: ACHIEVEMENT }],
};

function moduleOf(code: string, overrides: Partial<ModuleBody> = {}): ModuleBody {
  const base = { code, title: `Module ${code}`, credits: 15, level: LEVEL_7, learningOutcomes: [] };
  return { ...base, core: false, eligible: true, rule: byAchievement, ...overrides };
}

describe('ClaimsService', () => {
  let claimsRepository: InMemoryClaims;
  let known: InMemoryKnownCredentials;
  let ledgerRepository: InMemoryLedger;
  let ledger: LedgerService;
  let programmes: ProgrammesService;
  let claims: ClaimsService;
  let learner: Actor;
  let credentialId: string;

  beforeEach(async () => {
    claimsRepository = new InMemoryClaims();
    known = new InMemoryKnownCredentials();
    ledgerRepository = new InMemoryLedger();
    const programmesRepository = new InMemoryProgrammes();
    ledger = new LedgerService(asReal(ledgerRepository), asReal(programmesRepository));
    programmes = new ProgrammesService(asReal(programmesRepository));
    const verifier = asReal<CredentialVerifier>(new NoUploadsVerifier());
    const proposals = new ProposalsService(asReal(known), ledger, verifier, asReal(claimsRepository));
    claims = new ClaimsService(asReal(claimsRepository), programmes, proposals, ledger);
    learner = { sub: randomUUID(), roles: ['learner'] };
    credentialId = `urn:uuid:${randomUUID()}`;
    await known.addCredentials([
      {
        _id: credentialId,
        learnerId: learner.sub,
        achievementId: ACHIEVEMENT,
        name: 'App building in a day',
        credits: 15,
        level: LEVEL_7,
        learningOutcomes: [],
        issuerId: 'did:web:credit-bridge.example',
        awardingBodyId: university,
        awardedAt: new Date(),
      },
    ]);
  });

  /** A 180-credit programme of the university with a third of it open to recognition. */
  function programmeWith(modules: ModuleBody[], maxRecognitionCredits = 60) {
    return programmes.create(registrar, {
      code: `MSC-${randomUUID().slice(0, 6).toUpperCase()}`,
      title: 'MSc Digital Health',
      credits: 180,
      level: LEVEL_7,
      policy: { maxRecognitionCredits, recencyYears: 5, acceptExternal: true },
      modules,
    });
  }

  async function openClaim(modules: ModuleBody[] = [moduleOf('MOD-A')]) {
    const programme = await programmeWith(modules);
    return claims.open(learner, { programmeId: programme.id, externalCredentials: [] });
  }

  const approve = (moduleCode: string): DecisionBody => ({
    moduleCode,
    decision: 'approve',
    reason: 'Meets the outcomes',
  });

  describe('open and view', () => {
    it('proposes the module the learner’s credential meets when the learner opens a claim', async () => {
      const claim = await openClaim();
      expect(claim.learnerId).toBe(learner.sub);
      expect(claim.proposal.modules).toEqual([
        expect.objectContaining({ moduleCode: 'MOD-A', exempt: true, credentialIds: [credentialId] }),
      ]);
    });

    it.each([
      ['400 when a registrar names no learner', () => registrar, undefined, 400],
      ['403 when a learner opens a claim for someone else', () => learner, randomUUID(), 403],
    ])('refuses with %s', async (_case, actor, learnerId, status) => {
      const programme = await programmeWith([moduleOf('MOD-A')]);
      const body = {
        programmeId: programme.id,
        externalCredentials: [],
        ...(learnerId ? { learnerId } : {}),
      };
      await expect(claims.open(actor(), body)).rejects.toMatchObject({ status });
    });

    it.each([
      ['another learner', (): Actor => ({ sub: randomUUID(), roles: ['learner'] })],
      ['a registrar of another awarding body', (): Actor => ({ ...registrar, org: randomUUID() })],
    ])('answers 404 when %s asks for the claim', async (_case, stranger) => {
      const claim = await openClaim();
      await expect(claims.view(stranger(), claim.id)).rejects.toMatchObject({ status: 404 });
    });

    it('lists the learner’s own claims as summaries', async () => {
      const claim = await openClaim();
      const page = await claims.listOwn(learner, { page: 1, pageSize: 50 });
      expect(page.items).toEqual([
        { id: claim.id, programmeId: claim.programme.id, openedAt: claim.openedAt },
      ]);
      expect(page.total).toBe(1);
    });
  });

  describe('what a claim sees', () => {
    const OTHER_ACHIEVEMENT = 'https://other-university.example/achievements/data-in-a-day';
    let otherCredentialId: string;

    beforeEach(async () => {
      otherCredentialId = `urn:uuid:${randomUUID()}`;
      await known.addCredentials([
        {
          _id: otherCredentialId,
          learnerId: learner.sub,
          achievementId: OTHER_ACHIEVEMENT,
          name: 'Data in a day, another university',
          credits: 15,
          level: LEVEL_7,
          learningOutcomes: [],
          issuerId: 'did:web:other-university.example',
          awardingBodyId: randomUUID(),
          awardedAt: new Date(),
        },
      ]);
    });

    const bothModules = () => [
      moduleOf('MOD-A'),
      moduleOf('MOD-O', {
        rule: { combination: 'any', criteria: [{ kind: 'achievement', achievementId: OTHER_ACHIEVEMENT }] },
      }),
    ];
    const mentions = (view: unknown, text: string) => JSON.stringify(view).includes(text);

    it('shows a registrar’s claim for a learner only the credentials its awarding body issued', async () => {
      const programme = await programmeWith(bothModules());
      const claim = await claims.open(registrar, {
        programmeId: programme.id,
        learnerId: learner.sub,
        externalCredentials: [],
      });
      expect(claim.proposal.modules.map((m) => [m.moduleCode, m.exempt])).toEqual([
        ['MOD-A', true],
        ['MOD-O', false],
      ]);
      expect(mentions(claim, otherCredentialId) || mentions(claim, 'another university')).toBe(false);
    });

    it('keeps another body’s credential out of a learner’s claim until the learner puts it in', async () => {
      const programme = await programmeWith(bothModules());
      const claim = await claims.open(learner, { programmeId: programme.id, externalCredentials: [] });
      expect(mentions(await claims.view(registrar, claim.id), otherCredentialId)).toBe(false);

      await claims.addChosen(learner, claim.id, otherCredentialId);
      const seen = await claims.view(registrar, claim.id);
      expect(seen.chosenCredentialIds).toEqual([otherCredentialId]);
      expect(seen.proposal.modules.find((m) => m.moduleCode === 'MOD-O')).toMatchObject({
        exempt: true,
        credentialIds: [otherCredentialId],
      });
      expect((await claims.standing(learner, programme.id)).remaining).toEqual(
        expect.arrayContaining([expect.objectContaining({ moduleCode: 'MOD-O', couldBeCreditedNow: true })]),
      );
    });

    it('puts the credentials the learner names when opening the claim in it, and no one else’s', async () => {
      const programme = await programmeWith(bothModules());
      const someoneElses = `urn:uuid:${randomUUID()}`;
      const claim = await claims.open(learner, {
        programmeId: programme.id,
        credentialIds: [otherCredentialId, someoneElses],
        externalCredentials: [],
      });
      const modules = claim.proposal.modules.map((m) => [m.moduleCode, m.credentialIds]);
      expect(modules).toEqual([
        ['MOD-A', [credentialId]],
        ['MOD-O', [otherCredentialId]],
      ]);
    });

    it('refuses with 403 when a registrar chooses a learner’s credentials for a claim', async () => {
      const programme = await programmeWith(bothModules());
      const opening = claims.open(registrar, {
        programmeId: programme.id,
        learnerId: learner.sub,
        credentialIds: [otherCredentialId],
        externalCredentials: [],
      });
      await expect(opening).rejects.toMatchObject({ status: 403 });
      const claim = await claims.open(learner, { programmeId: programme.id, externalCredentials: [] });
      await expect(claims.addChosen(registrar, claim.id, otherCredentialId)).rejects.toMatchObject({
        status: 403,
      });
      expect(claimsRepository.chosen.size).toBe(0);
    });
  });

  describe('decide', () => {
    it('writes one decision, one credit and one approved event when a registrar approves a proposed module', async () => {
      const claim = await openClaim();
      const decision = await claims.decide(registrar, claim.id, approve('MOD-A'));

      expect(decision).toMatchObject({ decision: 'approved', moduleCode: 'MOD-A', decidedBy: 'registrar-1' });
      const credits = [...ledgerRepository.credits.values()];
      expect(credits).toHaveLength(1);
      expect(credits[0]).toMatchObject({
        _id: decision.creditId,
        credits: 15,
        credentialIds: [credentialId],
      });
      expect(credits[0]!.outbox.map((event) => event.topic)).toEqual([TOPICS.recognitionCreditApproved]);
      expect((await claims.view(learner, claim.id)).decisions).toEqual([
        expect.objectContaining({ moduleCode: 'MOD-A', decision: 'approved', creditId: decision.creditId }),
      ]);
    });

    it('refuses a second decision on the same module of a claim with 409 and writes no more credit', async () => {
      const claim = await openClaim();
      await claims.decide(registrar, claim.id, approve('MOD-A'));
      await expect(claims.decide(registrar, claim.id, approve('MOD-A'))).rejects.toMatchObject({
        status: 409,
        message: 'Module MOD-A of this claim is decided already.',
      });
      expect(ledgerRepository.credits.size).toBe(1);
    });

    it('refuses to credit a module a second time when another claim of the learner asks for it', async () => {
      const first = await openClaim();
      await claims.decide(registrar, first.id, approve('MOD-A'));
      const second = await claims.open(learner, { programmeId: first.programme.id, externalCredentials: [] });

      expect(second.proposal.modules[0]).toMatchObject({ moduleCode: 'MOD-A', alreadyCredited: true });
      await expect(claims.decide(registrar, second.id, approve('MOD-A'))).rejects.toMatchObject({
        status: 409,
        message: expect.stringMatching(/^Module MOD-A cannot be approved: already credited/),
      });
      expect(ledgerRepository.credits.size).toBe(1);
    });

    it.each([
      ['409 when the module has no recognition rule', moduleOf('MOD-A', { rule: undefined }), 'MOD-A', 409],
      ['409 when the module is not eligible', moduleOf('MOD-A', { eligible: false }), 'MOD-A', 409],
      ['404 when the programme has no such module', moduleOf('MOD-A'), 'MOD-Z', 404],
    ])('refuses approval with %s', async (_case, module, moduleCode, status) => {
      const claim = await openClaim([module]);
      await expect(claims.decide(registrar, claim.id, approve(moduleCode))).rejects.toMatchObject({ status });
      expect(ledgerRepository.credits.size).toBe(0);
      expect(claimsRepository.decisions.size).toBe(0);
    });

    it('records a rejection without credit when the registrar rejects a module', async () => {
      const claim = await openClaim();
      const decision = await claims.decide(registrar, claim.id, { ...approve('MOD-A'), decision: 'reject' });
      expect(decision).toMatchObject({ decision: 'rejected', reason: 'Meets the outcomes' });
      expect(decision).not.toHaveProperty('creditId');
      expect(ledgerRepository.credits.size).toBe(0);
    });

    it('answers 404 when a registrar of another awarding body decides', async () => {
      const claim = await openClaim();
      const stranger: Actor = { ...registrar, org: randomUUID() };
      await expect(claims.decide(stranger, claim.id, approve('MOD-A'))).rejects.toMatchObject({
        status: 404,
      });
    });
  });

  describe('standing', () => {
    it('shows the credited module, then drops it when its credential is revoked', async () => {
      const claim = await openClaim([moduleOf('MOD-A'), moduleOf('MOD-B', { rule: undefined })]);
      await claims.decide(registrar, claim.id, approve('MOD-A'));

      const credited = await claims.standing(learner, claim.programme.id);
      expect(credited).toMatchObject({ cap: 60, creditsCredited: 15 });
      expect(credited.credited).toEqual([expect.objectContaining({ moduleCode: 'MOD-A', onHold: false })]);
      expect(credited.remaining.map((module) => module.moduleCode)).toEqual(['MOD-B']);

      const at = new Date();
      await known.addStatusFacts([
        {
          learnerId: learner.sub,
          fact: { _id: `${credentialId}:revoke`, credentialId, action: 'revoke', at },
        },
      ]);
      await ledger.withdrawFor(credentialId, 'Credential revoked', at);

      const after = await claims.standing(learner, claim.programme.id);
      expect(after).toMatchObject({ creditsCredited: 0, credited: [] });
      expect(after.remaining).toEqual([
        expect.objectContaining({ moduleCode: 'MOD-A', couldBeCreditedNow: false }),
        expect.objectContaining({ moduleCode: 'MOD-B', couldBeCreditedNow: false }),
      ]);
    });
  });
});

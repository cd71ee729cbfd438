import type { ServiceMetrics } from '@lib/platform';
import { Registry } from 'prom-client';
import { Logger } from '@nestjs/common';
import { jwtPayloadOf } from '@lib/vc';
import type { AchievementsRepository } from '../achievements/achievements.repository';
import type { AchievementsService } from '../achievements/achievements.service';
import type { IssuersService } from '../issuers/issuers.service';
import type { OfferingFact, ProgressFact } from '../progress/progress.schema';
import type { ProgressRepository } from '../progress/progress.repository';
import type { CredentialStatusService } from '../status-lists/credential-status.service';
import {
  BASE,
  FakeAchievements,
  FakeAchievementUrls,
  FakeIssuers,
  FakeStatuses,
  InMemoryIssuing,
  InMemoryProgress,
} from '../testing/issuing-fakes';
import {
  ACHIEVEMENT,
  achievementOf,
  AWARDING_BODY,
  COURSE,
  LEARNER,
  OFFERING,
  offeringOf,
  PARTNER,
  resultOf,
} from '../testing/issuing-factories';
import type { IssuingRepository } from './issuing.repository';
import { CredentialMetrics } from '../common/credential-metrics';
import { AwardIssuer } from './award-issuer';
import { IssuingService } from './issuing.service';
import { StatusSlots } from './status-slots';

const LEARNER_B = '55555555-5555-4555-8555-555555555555';

function setUp(offering: OfferingFact = offeringOf()) {
  const progress = new InMemoryProgress();
  const issuing = new InMemoryIssuing();
  const achievements = new FakeAchievements();
  const issuers = new FakeIssuers();
  const statuses = new FakeStatuses();
  progress.offerings.set(offering._id, offering);
  achievements.versions.push(achievementOf());
  const awards = new AwardIssuer(
    issuing as unknown as IssuingRepository,
    progress as unknown as ProgressRepository,
    new FakeAchievementUrls() as unknown as AchievementsService,
    issuers as unknown as IssuersService,
    new StatusSlots(issuing as unknown as IssuingRepository),
    new CredentialMetrics({ registry: new Registry() } as ServiceMetrics),
  );
  const service = new IssuingService(
    issuing as unknown as IssuingRepository,
    progress as unknown as ProgressRepository,
    achievements as unknown as AchievementsRepository,
    issuers as unknown as IssuersService,
    statuses as unknown as CredentialStatusService,
    awards,
  );
  return { service, progress, issuing, achievements, issuers, statuses };
}

/** The facts of a learner who enrolled, attended and passed with a ratified 72 (A). */
function passed(extra: Partial<ProgressFact>[] = []): ProgressFact[] {
  const base = { offeringId: OFFERING, learnerId: LEARNER };
  return [
    {
      ...base,
      _id: 'enrolment-1:enrolled',
      kind: 'enrolled',
      at: new Date('2026-02-01T10:00:00Z'),
      learner: { givenName: 'Ada', familyName: 'Lovelace', email: 'ada@example.org' },
    },
    { ...base, _id: 'enrolment-1:completion', kind: 'attended', at: new Date('2026-03-02T17:00:00Z') },
    { ...base, _id: 'result-1:1', kind: 'result', at: new Date('2026-03-03T09:00:00Z'), result: resultOf() },
    ...extra.map((fact, n) => ({
      ...base,
      _id: `extra-${n}`,
      kind: 'result' as const,
      at: new Date(),
      ...fact,
    })),
  ];
}

describe('IssuingService', () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('issues one credential, signed, with its event, when the award rule holds, however often it is evaluated', async () => {
    const { service, progress, issuing } = setUp();
    progress.facts.push(...passed());

    await service.evaluate(OFFERING, LEARNER);
    await service.evaluate(OFFERING, LEARNER);

    expect([...issuing.credentials.keys()]).toEqual([`${ACHIEVEMENT}:${OFFERING}:${LEARNER}`]);
    expect([...(issuing.learnerKeys.get(LEARNER) ?? [])]).toEqual([`${ACHIEVEMENT}:${OFFERING}:${LEARNER}`]);
    const credential = [...issuing.credentials.values()][0]!;
    expect(credential.outbox.map((entry) => entry.topic)).toEqual(['credentials.credential.issued.v1']);
    expect(credential.statusListId).toBe(`${AWARDING_BODY}-revocation-1`);
    expect(credential.suspensionListId).toBe(`${AWARDING_BODY}-suspension-1`);
    expect(issuing.allocations.size).toBe(2);
    const payload = jwtPayloadOf(credential.jwt)!;
    expect(payload.jti).toBe(credential.credentialId);
    expect(payload.sub).toBe(`urn:uuid:${LEARNER}`);
    expect(payload.iss).toBe(`${BASE}/issuers/${AWARDING_BODY}`);
    expect(issuing.holds.size).toBe(0);
  });

  it.each<[string, (s: ReturnType<typeof setUp>) => void]>([
    [
      'the learner has not attended',
      (s) => s.progress.facts.push(...passed().filter((f) => f.kind !== 'attended')),
    ],
    [
      'the ratified result is a fail',
      (s) => s.progress.facts.push(...passed([{ result: resultOf({ version: 2, passed: false }) }])),
    ],
    [
      'the mark is below the minimum',
      (s) => {
        s.progress.facts.push(...passed());
        s.achievements.versions.push(achievementOf({ version: 2, minimumMark: 80 }));
      },
    ],
    [
      'the awarding body is not an issuer yet',
      (s) => {
        s.progress.facts.push(...passed());
        s.issuers.issuers.clear();
      },
    ],
    [
      'the course has no achievement yet',
      (s) => {
        s.progress.facts.push(...passed());
        s.achievements.versions.length = 0;
      },
    ],
  ])('issues nothing and holds nothing when %s', async (_, arrange) => {
    const setup = setUp();
    arrange(setup);

    await setup.service.evaluate(OFFERING, LEARNER);

    expect(setup.issuing.credentials.size).toBe(0);
    expect(setup.issuing.holds.size).toBe(0);
    expect(setup.issuing.allocations.size).toBe(0);
  });

  it('holds the credential, with why, when the delivering partner was not authorised on the completion date', async () => {
    const { service, progress, issuing } = setUp(offeringOf({ deliveringOrganisationId: PARTNER }));
    progress.facts.push(...passed());
    progress.authorisations.push({
      _id: 'auth-1',
      authorisationId: 'auth-1',
      partnerId: PARTNER,
      courseId: COURSE,
      validFrom: '2026-04-01',
    });

    await service.evaluate(OFFERING, LEARNER);

    expect(issuing.credentials.size).toBe(0);
    expect([...issuing.holds.values()]).toEqual([
      expect.objectContaining({
        _id: `${OFFERING}:${LEARNER}`,
        awardingBodyId: AWARDING_BODY,
        reason: 'the delivering partner was not authorised by the awarding body for APP101 on 2026-03-02',
      }),
    ]);
  });

  it('issues, naming the partner as source, when the delivering partner was authorised', async () => {
    const { service, progress, issuing } = setUp(offeringOf({ deliveringOrganisationId: PARTNER }));
    progress.facts.push(...passed());
    progress.organisations.set(PARTNER, { _id: PARTNER, kind: 'partner', name: 'Code4Health' });
    progress.authorisations.push({
      _id: 'auth-1',
      authorisationId: 'auth-1',
      partnerId: PARTNER,
      courseId: COURSE,
      validFrom: '2026-01-01',
    });

    await service.evaluate(OFFERING, LEARNER);

    const credential = [...issuing.credentials.values()][0]!;
    const subject = jwtPayloadOf(credential.jwt)!.credentialSubject as { source?: { name: string } };
    expect(subject.source?.name).toBe('Code4Health');
    expect(issuing.holds.size).toBe(0);
  });

  it('asks for the revocation of an issued credential when its result is amended to a fail, and issues no other', async () => {
    const { service, progress, issuing, statuses } = setUp();
    progress.facts.push(...passed());
    await service.evaluate(OFFERING, LEARNER);
    progress.facts.push(
      ...passed([{ _id: 'result-1:2', result: resultOf({ version: 2, passed: false }) }]).slice(3),
    );

    await service.evaluate(OFFERING, LEARNER);

    expect(statuses.revoked).toEqual([[...issuing.credentials.values()][0]!.credentialId]);
    expect(issuing.credentials.size).toBe(1);
  });

  it('asks for no revocation when the issued credential still rests on a pass', async () => {
    const { service, progress, statuses } = setUp();
    progress.facts.push(...passed());
    await service.evaluate(OFFERING, LEARNER);
    await service.evaluate(OFFERING, LEARNER);

    expect(statuses.revoked).toEqual([]);
  });

  it('takes another status list index when the one drawn was taken at the same moment', async () => {
    const { service, progress, issuing } = setUp();
    progress.facts.push(...passed());
    issuing.takenOnce = 2;

    await service.evaluate(OFFERING, LEARNER);

    expect(issuing.credentials.size).toBe(1);
    expect(issuing.allocations.size).toBe(2);
  });

  it('evaluates every learner of a course once its achievement is defined', async () => {
    const { service, progress, issuing } = setUp();
    progress.facts.push(...passed());
    progress.facts.push(...passed().map((f) => ({ ...f, _id: `b-${f._id}`, learnerId: LEARNER_B })));

    await service.evaluateCourse(COURSE);

    expect([...issuing.credentials.values()].map((c) => c.learnerId).sort()).toEqual(
      [LEARNER, LEARNER_B].sort(),
    );
  });
});

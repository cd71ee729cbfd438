import {
  enrolmentCompletedV1,
  enrolmentCreatedV1,
  enrolmentWithdrawnV1,
  waitlistPromotedV1,
} from '@lib/contracts';
import { ConflictException, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { details, enrolmentWorld } from '../testing/enrolment-world';
import {
  ELSEWHERE,
  learnerActor,
  openOffering,
  partner,
  registrar,
  stranger,
} from '../testing/in-memory-offerings';

const PAGE = { page: 1, pageSize: 50 };

describe('EnrolmentsService', () => {
  let world: ReturnType<typeof enrolmentWorld>;
  beforeEach(() => {
    world = enrolmentWorld();
  });

  /** Enrols learners by name on an offering, one after another. */
  async function enrolAll(offeringId: string, ...names: string[]) {
    const views = [];
    for (const name of names)
      views.push(await world.service.enrol(partner, offeringId, { learner: details(name) }));
    return views;
  }

  describe('enrol', () => {
    it('seats a learner and announces the enrolment when the offering has room', async () => {
      const offering = world.offerings.add(openOffering(2));
      const view = await world.service.enrol(partner, offering._id, { learner: details('ada') });
      expect(view).toMatchObject({
        status: 'enrolled',
        seat: 1,
        learner: { givenName: 'ada', familyName: 'Tester', email: 'ada@nhs.example' },
      });
      expect(world.enrolments.topics()).toEqual([enrolmentCreatedV1.topic]);
    });

    it('waitlists learners in request order when the offering is full', async () => {
      const offering = world.offerings.add(openOffering(1));
      const views = await enrolAll(offering._id, 'ada', 'bea', 'cal');
      expect(views.map((v) => [v.status, v.seat ?? v.waitlistPosition])).toEqual([
        ['enrolled', 1],
        ['waitlisted', 1],
        ['waitlisted', 2],
      ]);
      expect(world.enrolments.claims).toHaveLength(1);
    });

    it('refuses to enrol the same learner twice with 409 and keeps one enrolment', async () => {
      const offering = world.offerings.add(openOffering(5));
      await enrolAll(offering._id, 'ada');
      const again = world.service.enrol(registrar, offering._id, { learner: details('ada') });
      await expect(again).rejects.toThrow(
        new ConflictException('ada@nhs.example is enrolled on this offering already.'),
      );
      expect(world.enrolments.enrolments).toHaveLength(1);
    });

    it('enrols a registered learner by id without registering them again', async () => {
      const offering = world.offerings.add(openOffering(5));
      const { learner } = await world.learners.findOrRegister(partner, details('ada'));
      const view = await world.service.enrol(partner, offering._id, { learnerId: learner._id });
      expect(view).toMatchObject({ learnerId: learner._id, status: 'enrolled' });
      expect(world.learnerRecords.learners).toHaveLength(1);
    });

    it('refuses with 422 when the learner id names no registered learner', async () => {
      const offering = world.offerings.add(openOffering(5));
      const enrol = world.service.enrol(partner, offering._id, {
        learnerId: '00000000-0000-4000-8000-000000000999',
      });
      await expect(enrol).rejects.toBeInstanceOf(UnprocessableEntityException);
    });

    it('refuses a learner id of another organisation’s learner with the same 422 as for no such learner', async () => {
      const { learner } = await world.learners.findOrRegister(partner, details('ada'));
      const theirs = world.offerings.add(elsewhereOffering());
      const answers = await Promise.all(
        [learner._id, '00000000-0000-4000-8000-000000000999'].map((learnerId) =>
          world.service.enrol(stranger, theirs._id, { learnerId }).catch((error: Error) => error),
        ),
      );
      const [known, unknown] = answers as UnprocessableEntityException[];
      expect(known).toBeInstanceOf(UnprocessableEntityException);
      expect(known!.getResponse()).toEqual(unknown!.getResponse());
      expect(world.enrolments.enrolments).toHaveLength(0);
    });

    it('shows and announces each enrolment with the details its organisation gave', async () => {
      const ours = world.offerings.add(openOffering(5));
      const theirs = world.offerings.add(elsewhereOffering());
      const mine = await world.service.enrol(partner, ours._id, { learner: details('ada') });
      const elsewhere = await world.service.enrol(stranger, theirs._id, {
        learner: { ...details('ada'), givenName: 'A' },
      });
      expect(elsewhere.learnerId).toBe(mine.learnerId);
      expect(elsewhere.learner).toMatchObject({ givenName: 'A' });
      expect((await world.service.get(partner, mine.id)).learner).toMatchObject({ givenName: 'ada' });
      const announced = world.enrolments.claims.flatMap((claim) => claim.outbox);
      expect(announced.map((entry) => JSON.parse(entry.value).learner.givenName)).toEqual(['ada', 'A']);
    });

    it.each(['draft', 'closed', 'completed'] as const)(
      'refuses with 409 when the offering is %s',
      async (status) => {
        const offering = world.offerings.add(openOffering(5), status);
        const enrol = world.service.enrol(partner, offering._id, { learner: details('ada') });
        await expect(enrol).rejects.toThrow(`The offering is ${status}, not open for enrolment.`);
        expect(world.enrolments.enrolments).toHaveLength(0);
      },
    );

    it('answers 404 when the caller does not run the offering', async () => {
      const offering = world.offerings.add(openOffering(5));
      const enrol = world.service.enrol(stranger, offering._id, { learner: details('ada') });
      await expect(enrol).rejects.toBeInstanceOf(NotFoundException);
    });
  });

  describe('withdraw', () => {
    it('gives the freed seat to the first waitlisted learner when a seated learner withdraws', async () => {
      const offering = world.offerings.add(openOffering(1));
      const [ada, bea, cal] = await enrolAll(offering._id, 'ada', 'bea', 'cal');
      const withdrawn = await world.service.withdraw(partner, ada!.id, { reason: 'ill' });
      expect(withdrawn).toMatchObject({ status: 'withdrawn' });
      expect(withdrawn.seat).toBeUndefined();
      expect(await world.service.get(partner, bea!.id)).toMatchObject({ status: 'enrolled', seat: 1 });
      expect(await world.service.get(partner, cal!.id)).toMatchObject({
        status: 'waitlisted',
        waitlistPosition: 1,
      });
      expect(world.enrolments.topics()).toEqual(
        expect.arrayContaining([enrolmentWithdrawnV1.topic, waitlistPromotedV1.topic]),
      );
    });

    it('lets a learner withdraw themself', async () => {
      const offering = world.offerings.add(openOffering(1));
      const [ada] = await enrolAll(offering._id, 'ada');
      const view = await world.service.withdraw(learnerActor(ada!.learnerId), ada!.id, {});
      expect(view.status).toBe('withdrawn');
    });

    it('refuses a second withdrawal with 409', async () => {
      const offering = world.offerings.add(openOffering(1));
      const [ada] = await enrolAll(offering._id, 'ada');
      await world.service.withdraw(partner, ada!.id, {});
      await expect(world.service.withdraw(partner, ada!.id, {})).rejects.toThrow(
        'An enrolment that is withdrawn cannot be withdrawn.',
      );
    });
  });

  describe('complete', () => {
    it('records attendance once and announces it; a second record is 409', async () => {
      const offering = world.offerings.add(openOffering(1));
      const [ada] = await enrolAll(offering._id, 'ada');
      const view = await world.service.complete(partner, ada!.id, { attendance: 'attended' });
      expect(view).toMatchObject({ status: 'completed', attendance: 'attended' });
      expect(world.enrolments.topics()).toContain(enrolmentCompletedV1.topic);
      await expect(
        world.service.complete(partner, ada!.id, { attendance: 'did-not-attend' }),
      ).rejects.toThrow('Completion of this enrolment is recorded already.');
    });

    it('reads that enrolment only, not its whole offering, when recording completion', async () => {
      const offering = world.offerings.add(openOffering(2));
      const [ada] = await enrolAll(offering._id, 'ada', 'bea');
      const wholeOffering = jest.spyOn(world.enrolments, 'wholeOffering');
      await world.service.complete(partner, ada!.id, { attendance: 'attended' });
      await world.service.get(partner, ada!.id);
      await world.service.listOwn(learnerActor(ada!.learnerId), PAGE);
      expect(wholeOffering).not.toHaveBeenCalled();
    });

    it('refuses with 409 to complete a learner who is waitlisted', async () => {
      const offering = world.offerings.add(openOffering(1));
      const [, bea] = await enrolAll(offering._id, 'ada', 'bea');
      await expect(world.service.complete(partner, bea!.id, { attendance: 'attended' })).rejects.toThrow(
        'Only an enrolled learner can complete; this enrolment is waitlisted.',
      );
    });

    it('answers 404 when a learner tries to record their own completion', async () => {
      const offering = world.offerings.add(openOffering(1));
      const [ada] = await enrolAll(offering._id, 'ada');
      const complete = world.service.complete(learnerActor(ada!.learnerId), ada!.id, {
        attendance: 'attended',
      });
      await expect(complete).rejects.toBeInstanceOf(NotFoundException);
    });
  });

  describe('get and list', () => {
    it('shows a learner their own enrolment without their personal data', async () => {
      const offering = world.offerings.add(openOffering(1));
      const [ada] = await enrolAll(offering._id, 'ada');
      const own = await world.service.get(learnerActor(ada!.learnerId), ada!.id);
      expect(own).toMatchObject({ id: ada!.id, status: 'enrolled' });
      expect(own.learner).toBeUndefined();
    });

    it.each([
      ['another learner', learnerActor('00000000-0000-4000-8000-000000000999')],
      ['staff of an organisation that does not run the offering', stranger],
    ])('answers 404 to %s', async (_who, actor) => {
      const offering = world.offerings.add(openOffering(1));
      const [ada] = await enrolAll(offering._id, 'ada');
      await expect(world.service.get(actor, ada!.id)).rejects.toBeInstanceOf(NotFoundException);
    });

    it("lists an offering's enrolments in request order with seats and waitlist positions", async () => {
      const offering = world.offerings.add(openOffering(1));
      await enrolAll(offering._id, 'ada', 'bea');
      const page = await world.service.listForOffering(registrar, offering._id, PAGE);
      expect(page.total).toBe(2);
      expect(page.items.map((v) => [v.learner?.givenName, v.status])).toEqual([
        ['ada', 'enrolled'],
        ['bea', 'waitlisted'],
      ]);
    });

    it("lists a learner's own enrolments across offerings, and nobody else's", async () => {
      const first = world.offerings.add(openOffering(1));
      const second = world.offerings.add(openOffering(1));
      const [ada] = await enrolAll(first._id, 'ada');
      await enrolAll(second._id, 'ada', 'bea');
      const own = await world.service.listOwn(learnerActor(ada!.learnerId), PAGE);
      expect(own.items.map((v) => v.offeringId).sort()).toEqual([first._id, second._id].sort());
      expect(own.items.every((v) => v.learnerId === ada!.learnerId)).toBe(true);
      expect((await world.service.listOwn(partner, PAGE)).items).toEqual([]);
    });
  });
});

/** An offering awarded and delivered by the stranger's organisation. */
function elsewhereOffering() {
  return { ...openOffering(5), awardingBodyId: ELSEWHERE, deliveringOrganisationId: ELSEWHERE };
}

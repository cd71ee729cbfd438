import { NotFoundException } from '@nestjs/common';
import { details, enrolmentWorld } from '../testing/enrolment-world';
import { learnerActor, openOffering, partner, registrar, stranger } from '../testing/in-memory-offerings';
import type { Learner } from './learner.schema';

describe('LearnersService', () => {
  let world: ReturnType<typeof enrolmentWorld>;
  beforeEach(() => {
    world = enrolmentWorld();
  });

  describe('findOrRegister', () => {
    it('registers a new email, noting who registered the learner', async () => {
      const { learner, created } = await world.learners.findOrRegister(partner, details('ada'));
      expect(created).toBe(true);
      expect(learner).toMatchObject({
        email: 'ada@nhs.example',
        registeredBy: 'partner-1',
        registeredByOrganisationId: partner.org,
      });
    });

    it('finds the learner registered already when the email is known', async () => {
      const first = await world.learners.findOrRegister(partner, details('ada'));
      const again = await world.learners.findOrRegister(registrar, details('ada'));
      expect(again).toEqual({ learner: first.learner, created: false });
    });

    it('answers with the winner when another request registers the same email at the same moment', async () => {
      const winner = { ...newLearner('ada'), _id: '00000000-0000-4000-8000-000000000777' };
      world.learnerRecords.registeredMeanwhile.set(winner.email, winner);
      const { learner, created } = await world.learners.findOrRegister(partner, details('ada'));
      expect({ id: learner._id, created }).toEqual({ id: winner._id, created: false });
      expect(world.learnerRecords.learners).toHaveLength(1);
    });

    it('registers many in one go, keeping their order and reusing those known', async () => {
      const known = await world.learners.findOrRegister(partner, details('bea'));
      const learners = await world.learners.findOrRegisterMany(partner, [
        details('ada'),
        details('bea'),
        details('cal'),
      ]);
      expect(learners.map((l) => l.email)).toEqual(['ada@nhs.example', 'bea@nhs.example', 'cal@nhs.example']);
      expect(learners[1]!._id).toBe(known.learner._id);
      expect(world.learnerRecords.learners).toHaveLength(3);
    });
  });

  describe('get', () => {
    it.each([
      ['the learner themself', (l: Learner) => learnerActor(l._id)],
      ['staff of the organisation that registered them', () => partner],
      ['an admin', () => ({ sub: 'admin-1', roles: ['admin' as const] })],
    ])('shows a learner to %s', async (_who, actor) => {
      const { learner } = await world.learners.findOrRegister(partner, details('ada'));
      await expect(world.learners.get(actor(learner), learner._id)).resolves.toMatchObject({
        email: 'ada@nhs.example',
      });
    });

    it('shows a learner to staff of the awarding body once they are enrolled on an offering it runs', async () => {
      const { learner } = await world.learners.findOrRegister(partner, details('ada'));
      await expect(world.learners.get(registrar, learner._id)).rejects.toBeInstanceOf(NotFoundException);
      const offering = world.offerings.add(openOffering(1));
      await world.service.enrol(partner, offering._id, { learnerId: learner._id });
      await expect(world.learners.get(registrar, learner._id)).resolves.toMatchObject({ id: learner._id });
    });

    it.each([
      ['another learner', learnerActor('00000000-0000-4000-8000-000000000999')],
      ['staff of an unrelated organisation', stranger],
    ])('answers 404 to %s', async (_who, actor) => {
      const { learner } = await world.learners.findOrRegister(partner, details('ada'));
      await expect(world.learners.get(actor, learner._id)).rejects.toThrow(
        `No learner ${learner._id} that you can see.`,
      );
    });

    it('answers 404 when there is no such learner', async () => {
      await expect(
        world.learners.get(registrar, '00000000-0000-4000-8000-000000000999'),
      ).rejects.toBeInstanceOf(NotFoundException);
    });
  });
});

function newLearner(name: string): Learner {
  return { ...details(name), _id: '', externalIds: [], registeredBy: 'someone', registeredAt: new Date() };
}

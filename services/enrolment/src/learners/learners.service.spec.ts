import { NotFoundException } from '@nestjs/common';
import { details, enrolmentWorld } from '../testing/enrolment-world';
import { learnerActor, openOffering, partner, registrar, stranger } from '../testing/in-memory-offerings';
import type { LearnerDetails } from './learner.dto';
import type { Learner } from './learner.schema';
import type { LearnerAsSeen } from './organisation-records';

/** What an answer to findOrRegister shows about the learner's past, apart from the caller's own details. */
const shapeOf = ({ learner, created }: { learner: LearnerAsSeen; created: boolean }) => ({
  created,
  fields: Object.keys(learner).sort(),
  registeredBy: learner.registeredBy,
  registeredByOrganisationId: learner.registeredByOrganisationId,
  externalIds: learner.externalIds,
});

const withStaffNumber = (name: string): LearnerDetails => ({
  ...details(name),
  externalIds: [{ scheme: 'nhs-staff-number', value: '123456' }],
});

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

    it('finds the learner its own organisation registered already', async () => {
      const first = await world.learners.findOrRegister(partner, details('ada'));
      const again = await world.learners.findOrRegister(partner, { ...details('ada'), givenName: 'Other' });
      expect(again).toEqual({ learner: first.learner, created: false });
    });

    it('answers another organisation as for an email never seen, with one learner id and its own details', async () => {
      const first = await world.learners.findOrRegister(partner, withStaffNumber('ada'));
      const knownElsewhere = await world.learners.findOrRegister(stranger, {
        ...details('ada'),
        givenName: 'A',
      });
      const neverSeen = await world.learners.findOrRegister(stranger, { ...details('bea'), givenName: 'B' });
      expect(shapeOf(knownElsewhere)).toEqual(shapeOf(neverSeen));
      expect(shapeOf(neverSeen)).toEqual({
        created: true,
        fields: [
          '_id',
          'email',
          'externalIds',
          'familyName',
          'givenName',
          'recordId',
          'registeredAt',
          'registeredBy',
          'registeredByOrganisationId',
        ],
        registeredBy: stranger.sub,
        registeredByOrganisationId: stranger.org,
        externalIds: [],
      });
      expect(knownElsewhere.learner).toMatchObject({ _id: first.learner._id, givenName: 'A' });
      expect(world.learnerRecords.learners).toHaveLength(2);
    });

    it('keeps one learner when another request registers the same email at the same moment', async () => {
      const winner = { ...newLearner('ada'), _id: '00000000-0000-4000-8000-000000000777' };
      world.learnerRecords.registeredMeanwhile.set(winner.email, winner);
      const { learner, created } = await world.learners.findOrRegister(partner, details('ada'));
      expect({ id: learner._id, created }).toEqual({ id: winner._id, created: true });
      expect(world.learnerRecords.learners).toHaveLength(1);
    });

    it('answers with the winner when two requests of one organisation record the same email at once', async () => {
      const { learner: rival } = await enrolmentWorld().learners.findOrRegister(partner, details('ada'));
      world.organisationRecords.recordedMeanwhile.set(rival.recordId!, {
        ...rival,
        _id: rival.recordId!,
        organisationId: partner.org!,
        learnerId: rival._id,
      });
      const { learner, created } = await world.learners.findOrRegister(partner, details('ada'));
      expect({ recordId: learner.recordId, created }).toEqual({ recordId: rival.recordId, created: false });
      expect(world.organisationRecords.records).toHaveLength(1);
    });

    it('finds a learner the organisation registered before organisations kept records, as it registered them', async () => {
      const older = { ...newLearner('ada'), registeredByOrganisationId: partner.org, givenName: 'Ada' };
      world.learnerRecords.learners.push(older);
      const { learner, created } = await world.learners.findOrRegister(partner, details('ada'));
      expect(created).toBe(false);
      expect(learner).toMatchObject({ _id: older._id, givenName: 'Ada', registeredAt: older.registeredAt });
    });

    it('registers many in one go, keeping their order and reusing those known', async () => {
      const known = await world.learners.findOrRegister(partner, details('bea'));
      const elsewhere = await world.learners.findOrRegister(stranger, withStaffNumber('cal'));
      const learners = await world.learners.findOrRegisterMany(partner, [
        details('ada'),
        details('bea'),
        details('cal'),
        details('ada'),
      ]);
      expect(learners.map((l) => l.email)).toEqual([
        'ada@nhs.example',
        'bea@nhs.example',
        'cal@nhs.example',
        'ada@nhs.example',
      ]);
      expect(learners[1]!).toEqual(known.learner);
      expect(learners[2]!).toMatchObject({
        _id: elsewhere.learner._id,
        externalIds: [],
        registeredBy: partner.sub,
      });
      expect(learners[3]!).toEqual(learners[0]);
      expect(world.learnerRecords.learners).toHaveLength(3);
      expect(world.organisationRecords.records).toHaveLength(4);
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
      const { learner } = await world.learners.findOrRegister(partner, withStaffNumber('ada'));
      await expect(world.learners.get(registrar, learner._id)).rejects.toBeInstanceOf(NotFoundException);
      const offering = world.offerings.add(openOffering(1));
      await world.service.enrol(partner, offering._id, { learnerId: learner._id });
      await expect(world.learners.get(registrar, learner._id)).resolves.toMatchObject({
        id: learner._id,
        externalIds: withStaffNumber('ada').externalIds,
      });
    });

    it('shows staff of another organisation their own record only, never what the first one recorded', async () => {
      const first = {
        ...newLearner('ada'),
        ...withStaffNumber('ada'),
        registeredByOrganisationId: partner.org,
      };
      world.learnerRecords.learners.push(first);
      await world.learners.findOrRegister(stranger, { ...details('ada'), givenName: 'A' });
      const seen = await world.learners.get(stranger, first._id);
      expect(seen).toMatchObject({ id: first._id, givenName: 'A', externalIds: [] });
      expect(seen.registeredAt).not.toBe(first.registeredAt.toISOString());
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
  return {
    ...details(name),
    _id: '00000000-0000-4000-8000-000000000555',
    externalIds: [],
    registeredBy: 'someone',
    registeredAt: new Date('2026-01-01T00:00:00Z'),
  };
}

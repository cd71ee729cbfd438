import { randomUUID } from 'node:crypto';
import { resultRecordedV1 } from '@lib/contracts';
import { assessmentWorld, assessor, OFFERING, scheme } from '../testing/assessment-world';

describe('CatalogueService', () => {
  let world: ReturnType<typeof assessmentWorld>;
  beforeEach(() => {
    world = assessmentWorld();
    world.schemes.schemes.push(scheme);
  });

  const enrolment = (learnerId = randomUUID()) => ({
    enrolmentId: randomUUID(),
    offeringId: OFFERING,
    learnerId,
  });

  it('announces marks that waited for the enrolment when the enrolment arrives', async () => {
    const event = enrolment();
    await world.marks.record(assessor, OFFERING, event.learnerId, { Project: 80, Viva: 70 });
    expect(world.results.topics()).toEqual([]);
    await world.catalogueService.learnEnrolmentFact(event, 'enrolled', '2027-01-15T09:00:00.000Z');
    expect(world.results.topics()).toEqual([resultRecordedV1.topic]);
  });

  it('keeps marks waiting when the first fact to arrive is a waitlisting', async () => {
    const event = enrolment();
    await world.catalogueService.learnEnrolmentFact(event, 'waitlisted', '2027-01-15T09:00:00.000Z');
    await expect(
      world.marks.record(assessor, OFFERING, event.learnerId, { Project: 80, Viva: 70 }),
    ).rejects.toThrow('The learner is waitlisted on this offering, so cannot be assessed.');
  });

  it('changes nothing when the same event arrives twice', async () => {
    const event = enrolment();
    await world.marks.record(assessor, OFFERING, event.learnerId, { Project: 80, Viva: 70 });
    await world.catalogueService.learnEnrolmentFact(event, 'enrolled', '2027-01-15T09:00:00.000Z');
    await world.catalogueService.learnEnrolmentFact(event, 'enrolled', '2027-01-15T09:00:00.000Z');
    expect(world.catalogue.facts).toHaveLength(1);
    expect(world.catalogue.facts[0]).toMatchObject({
      _id: `${OFFERING}:${event.learnerId}:enrolled`,
      at: new Date('2027-01-15T09:00:00.000Z'),
    });
    expect(world.results.topics()).toEqual([resultRecordedV1.topic]);
  });
});

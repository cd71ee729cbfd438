import { randomUUID } from 'node:crypto';
import { resultRecordedV1 } from '@lib/contracts';
import type { EnrolmentFact } from './catalogue.schema';
import { assessmentWorld, assessor, OFFERING, scheme } from '../testing/assessment-world';

describe('CatalogueService', () => {
  let world: ReturnType<typeof assessmentWorld>;
  beforeEach(() => {
    world = assessmentWorld();
    world.schemes.schemes.push(scheme);
  });

  const AT = '2027-01-15T09:00:00.000Z';
  const enrolment = (learnerId = randomUUID()) => ({
    enrolmentId: randomUUID(),
    offeringId: OFFERING,
    learnerId,
  });
  const told = (event: ReturnType<typeof enrolment>, fact: EnrolmentFact['fact']) => ({
    event,
    fact,
    at: AT,
  });
  const markAll = async (...events: ReturnType<typeof enrolment>[]) => {
    for (const event of events) {
      await world.marks.record(assessor, OFFERING, event.learnerId, { Project: 80, Viva: 70 });
    }
  };
  const releasedLearners = () =>
    world.results.releases.map(
      (release) => world.results.versions.find((v) => v._id === release._id)!.learnerId,
    );

  it('announces marks that waited for the enrolment when the enrolment arrives', async () => {
    const event = enrolment();
    await markAll(event);
    expect(world.results.topics()).toEqual([]);
    await world.catalogueService.learnEnrolmentFacts([told(event, 'enrolled')]);
    expect(world.results.topics()).toEqual([resultRecordedV1.topic]);
  });

  it('keeps marks waiting when the first fact to arrive is a waitlisting', async () => {
    const event = enrolment();
    await world.catalogueService.learnEnrolmentFacts([told(event, 'waitlisted')]);
    await expect(
      world.marks.record(assessor, OFFERING, event.learnerId, { Project: 80, Viva: 70 }),
    ).rejects.toThrow('The learner is waitlisted on this offering, so cannot be assessed.');
  });

  it('changes nothing when the same event arrives twice', async () => {
    const event = enrolment();
    await markAll(event);
    await world.catalogueService.learnEnrolmentFacts([told(event, 'enrolled')]);
    await world.catalogueService.learnEnrolmentFacts([told(event, 'enrolled')]);
    expect(world.catalogue.facts).toHaveLength(1);
    expect(world.catalogue.facts[0]).toMatchObject({
      _id: `${OFFERING}:${event.learnerId}:enrolled`,
      at: new Date(AT),
    });
    expect(world.results.topics()).toEqual([resultRecordedV1.topic]);
  });

  it('announces only the enrolled learners’ waiting marks when a batch mixes facts and learners', async () => {
    const [enrolled, waitlisted, left, unmarked] = [enrolment(), enrolment(), enrolment(), enrolment()];
    await markAll(enrolled, waitlisted, left);
    await world.catalogueService.learnEnrolmentFacts([
      told(enrolled, 'enrolled'),
      told(waitlisted, 'waitlisted'),
      told(left, 'enrolled'),
      told(left, 'withdrawn'),
      told(unmarked, 'enrolled'),
      told(enrolled, 'enrolled'),
    ]);
    expect(world.catalogue.facts).toHaveLength(5);
    expect(releasedLearners()).toEqual([enrolled.learnerId]);
  });
});

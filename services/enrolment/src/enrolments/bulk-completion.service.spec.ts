import { enrolmentCompletedV1 } from '@lib/contracts';
import { BadRequestException, NotFoundException } from '@nestjs/common';
import { details, enrolmentWorld } from '../testing/enrolment-world';
import { openOffering, partner, stranger } from '../testing/in-memory-offerings';
import { MAX_BULK_ROWS } from './bulk-enrolment.service';

describe('BulkCompletionService', () => {
  let world: ReturnType<typeof enrolmentWorld>;
  beforeEach(() => {
    world = enrolmentWorld();
  });

  /** An offering with `capacity` seats and the named learners enrolled one by one. */
  async function offeringWith(capacity: number, ...names: string[]) {
    const offering = world.offerings.add(openOffering(capacity));
    const views = [];
    for (const name of names)
      views.push(await world.service.enrol(partner, offering._id, { learner: details(name) }));
    return { offeringId: offering._id, views };
  }

  it('records what single completion calls would: the same records and one event per enrolment', async () => {
    const { offeringId, views } = await offeringWith(3, 'ada', 'bea');
    const [ada, bea] = views;
    const csv = ['enrolmentId,attendance', `${ada!.id},attended`, 'bea@nhs.example,did-not-attend'].join(
      '\n',
    );
    const report = await world.bulkCompletions.complete(partner, offeringId, csv);
    expect(report).toMatchObject({ rows: 2, completed: 2, duplicate: 0, invalid: 0 });
    expect(world.enrolments.completions.map((c) => [c._id, c.attendance, c.recordedBy])).toEqual([
      [ada!.id, 'attended', 'partner-1'],
      [bea!.id, 'did-not-attend', 'partner-1'],
    ]);
    const completed = world.enrolments.topics().filter((topic) => topic === enrolmentCompletedV1.topic);
    expect(completed).toHaveLength(2);
    expect(JSON.parse(world.enrolments.completions[0]!.outbox[0]!.value)).toMatchObject({
      enrolmentId: ada!.id,
      learnerId: ada!.learnerId,
      offeringId,
      attendance: 'attended',
      recordedBy: 'partner-1',
    });
  });

  it('changes nothing when the same file is uploaded again or a single call completed the row first', async () => {
    const { offeringId, views } = await offeringWith(3, 'ada', 'bea');
    await world.service.complete(partner, views[1]!.id, { attendance: 'attended' });
    const csv = views.map((view) => `${view.id},attended`).join('\n');
    const first = await world.bulkCompletions.complete(partner, offeringId, csv);
    expect(first.results.map((row) => row.result)).toEqual(['completed', 'duplicate']);
    const again = await world.bulkCompletions.complete(partner, offeringId, csv);
    expect(again).toMatchObject({ completed: 0, duplicate: 2 });
    expect(world.enrolments.completions).toHaveLength(2);
  });

  it('refuses a waitlisted learner and an enrolment of another offering, and records the rest', async () => {
    const { offeringId, views } = await offeringWith(1, 'ada', 'bea');
    const other = await offeringWith(1, 'cal');
    const csv = [views, other.views]
      .flat()
      .map((view) => `${view.id},attended`)
      .join('\n');
    const report = await world.bulkCompletions.complete(partner, offeringId, csv);
    expect(report.results.map((row) => [row.line, row.result, row.reason])).toEqual([
      [1, 'completed', undefined],
      [2, 'invalid', 'only an enrolled learner can complete; this enrolment is waitlisted'],
      [3, 'invalid', 'no such enrolment on this offering'],
    ]);
    expect(world.enrolments.completions.map((c) => c._id)).toEqual([views[0]!.id]);
  });

  it('answers 404 and records nothing when the caller does not run the offering', async () => {
    const { offeringId, views } = await offeringWith(1, 'ada');
    const complete = world.bulkCompletions.complete(stranger, offeringId, `${views[0]!.id},attended`);
    await expect(complete).rejects.toBeInstanceOf(NotFoundException);
    expect(world.enrolments.completions).toHaveLength(0);
  });

  it.each([
    ['the file cannot be read', 'a,"unterminated'],
    [
      'the file has more rows than allowed',
      Array(MAX_BULK_ROWS + 1)
        .fill('x,attended')
        .join('\n'),
    ],
  ])('refuses with 400 and records nothing when %s', async (_when, csv) => {
    const { offeringId } = await offeringWith(1, 'ada');
    await expect(world.bulkCompletions.complete(partner, offeringId, csv)).rejects.toBeInstanceOf(
      BadRequestException,
    );
    expect(world.enrolments.completions).toHaveLength(0);
  });
});

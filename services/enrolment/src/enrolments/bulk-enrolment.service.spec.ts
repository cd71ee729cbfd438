import { BadRequestException, ConflictException } from '@nestjs/common';
import { details, enrolmentWorld } from '../testing/enrolment-world';
import { openOffering, partner } from '../testing/in-memory-offerings';
import { MAX_BULK_ROWS } from './bulk-enrolment.service';

const csv = (...names: string[]) =>
  ['email,given name,family name', ...names.map((n) => `${n}@nhs.example,${n},Tester`)].join('\n');

describe('BulkEnrolmentService', () => {
  let world: ReturnType<typeof enrolmentWorld>;
  beforeEach(() => {
    world = enrolmentWorld();
  });

  it('seats rows in file order up to capacity and waitlists the rest', async () => {
    const offering = world.offerings.add(openOffering(2));
    const report = await world.bulk.enrol(partner, offering._id, csv('ada', 'bea', 'cal'));
    expect(report).toMatchObject({ rows: 3, enrolled: 2, waitlisted: 1, duplicate: 0, invalid: 0 });
    expect(report.results.map((row) => [row.line, row.email, row.result])).toEqual([
      [2, 'ada@nhs.example', 'enrolled'],
      [3, 'bea@nhs.example', 'enrolled'],
      [4, 'cal@nhs.example', 'waitlisted'],
    ]);
  });

  it('changes nothing when the same file is uploaded again', async () => {
    const offering = world.offerings.add(openOffering(2));
    await world.bulk.enrol(partner, offering._id, csv('ada', 'bea', 'cal'));
    const again = await world.bulk.enrol(partner, offering._id, csv('ada', 'bea', 'cal'));
    expect(again).toMatchObject({ enrolled: 0, waitlisted: 0, duplicate: 3 });
    expect(world.enrolments.enrolments).toHaveLength(3);
    expect(world.learnerRecords.learners).toHaveLength(3);
  });

  it('counts a learner enrolled one by one already as a duplicate and queues the others behind them', async () => {
    const offering = world.offerings.add(openOffering(1));
    await world.service.enrol(partner, offering._id, { learner: details('bea') });
    const report = await world.bulk.enrol(partner, offering._id, csv('ada', 'bea'));
    expect(report.results.map((row) => row.result)).toEqual(['waitlisted', 'duplicate']);
  });

  it('reports invalid and repeated rows and enrols the rest', async () => {
    const offering = world.offerings.add(openOffering(5));
    const file = [
      'ada@nhs.example,Ada,Tester',
      'not-an-email,Bea,Tester',
      'ada@nhs.example,Ada,Tester',
      'x@y.org,X',
    ];
    const report = await world.bulk.enrol(partner, offering._id, file.join('\n'));
    expect(report).toMatchObject({ rows: 4, enrolled: 1, duplicate: 1, invalid: 2 });
    expect(report.results.find((row) => row.line === 3)).toMatchObject({ reason: 'repeats line 1' });
  });

  it('refuses a file over the row limit with 400 before enrolling anyone', async () => {
    const offering = world.offerings.add(openOffering(5));
    const names = Array.from({ length: MAX_BULK_ROWS + 1 }, (_, n) => `l${n}`);
    await expect(world.bulk.enrol(partner, offering._id, csv(...names))).rejects.toBeInstanceOf(
      BadRequestException,
    );
    expect(world.enrolments.enrolments).toHaveLength(0);
  });

  it('refuses with 409 when the offering is not open', async () => {
    const offering = world.offerings.add(openOffering(5), 'closed');
    await expect(world.bulk.enrol(partner, offering._id, csv('ada'))).rejects.toBeInstanceOf(
      ConflictException,
    );
  });
});

import { BadRequestException } from '@nestjs/common';
import { assessmentWorld, assessor, OFFERING, scheme } from '../testing/assessment-world';

describe('BulkMarksService', () => {
  let world: ReturnType<typeof assessmentWorld>;
  beforeEach(() => {
    world = assessmentWorld();
    world.schemes.schemes.push(scheme);
  });

  it('records each row on its own and reports every row, one bad row stopping nothing', async () => {
    const enrolled = world.learner('enrolled');
    const withdrawn = world.learner('enrolled', 'withdrawn');
    const csv = [
      'learnerId,Project,Viva',
      `${enrolled},80,70`,
      `${withdrawn},80,70`,
      'not-a-uuid,80,70',
      `${enrolled},80`,
      `${world.learner('enrolled')},80,101`,
    ].join('\n');
    const report = await world.bulk.record(assessor, OFFERING, csv);
    expect(report).toMatchObject({ rows: 5, recorded: 1 });
    expect(report.results.map((row) => [row.line, row.result, row.reason ?? row.grade])).toEqual([
      [2, 'recorded', 'Distinction'],
      [3, 'refused', 'The learner is withdrawn on this offering, so cannot be assessed.'],
      [4, 'invalid', 'learnerId: must be a uuid'],
      [5, 'invalid', 'expected 3 values, found 2'],
      [6, 'invalid', 'Viva: a mark from 0 to 100 is needed'],
    ]);
  });

  it('records a learner named twice as two versions of one result, in file order', async () => {
    const learnerId = world.learner('enrolled');
    const csv = ['learnerId,Project,Viva', `${learnerId},30,30`, `${learnerId},80,70`].join('\n');
    const report = await world.bulk.record(assessor, OFFERING, csv);
    expect(report.results.map((row) => [row.result, row.grade])).toEqual([
      ['recorded', 'Fail'],
      ['recorded', 'Distinction'],
    ]);
    expect(report.results[1]!.resultId).toBe(report.results[0]!.resultId);
    expect(world.results.versions.map((v) => [v.version, v.overallMark])).toEqual([
      [1, 30],
      [2, 76],
    ]);
  });

  it('reports marks for components the scheme lacks as invalid, with the fields', async () => {
    const csv = ['learnerId,Project,Essay', `${world.learner('enrolled')},80,70`].join('\n');
    const [row] = (await world.bulk.record(assessor, OFFERING, csv)).results;
    expect(row).toMatchObject({ result: 'invalid' });
    expect(row!.reason).toContain('marks.Essay is not a component of the scheme');
  });

  it.each(['', 'email,Project\nx,1', 'learnerId\nx'])(
    'refuses with 400 a file whose header is not learnerId,<components>: %j',
    async (csv) => {
      await expect(world.bulk.record(assessor, OFFERING, csv)).rejects.toBeInstanceOf(BadRequestException);
    },
  );
});

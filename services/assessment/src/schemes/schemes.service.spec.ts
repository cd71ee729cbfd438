import { ConflictException, NotFoundException } from '@nestjs/common';
import {
  assessmentWorld,
  assessor,
  COURSE,
  examBoard,
  partnerRegistrar,
  stranger,
} from '../testing/assessment-world';
import type { CreateSchemeBody } from './scheme.dto';

const body: CreateSchemeBody = {
  courseId: COURSE,
  components: [{ name: 'Project', weight: 100, passMark: 40 }],
  overallPassMark: 50,
  gradeBands: [
    { grade: 'Merit', minMark: 60 },
    { grade: 'Distinction', minMark: 70 },
  ],
  maxAttempts: 2,
};

describe('SchemesService', () => {
  let world: ReturnType<typeof assessmentWorld>;
  beforeEach(() => {
    world = assessmentWorld();
  });

  it('sets a course scheme once, with its grade bands highest first', async () => {
    const view = await world.schemesService.create(examBoard, body);
    expect(view).toMatchObject({ courseId: COURSE, maxAttempts: 2 });
    expect(view).not.toHaveProperty('createdBy');
    expect(view.gradeBands.map((band) => band.grade)).toEqual(['Distinction', 'Merit']);
    await expect(world.schemesService.create(examBoard, body)).rejects.toThrow(
      new ConflictException('Course C4H-101 has an assessment scheme already.'),
    );
  });

  it("answers 404 to a registrar of another organisation than the course's awarding body", async () => {
    await expect(world.schemesService.create(partnerRegistrar, body)).rejects.toBeInstanceOf(
      NotFoundException,
    );
    expect(world.schemes.schemes).toEqual([]);
  });

  it.each([
    ['the awarding body', examBoard],
    ['an organisation delivering the course', assessor],
  ])('shows the scheme to staff of %s', async (_who, actor) => {
    await world.schemesService.create(examBoard, body);
    await expect(world.schemesService.get(actor, COURSE)).resolves.toMatchObject({ courseId: COURSE });
  });

  it('answers 404 to staff of an unrelated organisation, and when there is no scheme', async () => {
    await expect(world.schemesService.get(examBoard, COURSE)).rejects.toBeInstanceOf(NotFoundException);
    await world.schemesService.create(examBoard, body);
    await expect(world.schemesService.get(stranger, COURSE)).rejects.toBeInstanceOf(NotFoundException);
  });
});

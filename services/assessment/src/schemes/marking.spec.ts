import { mark, markProblems } from './marking';

const scheme = {
  components: [
    { name: 'Project', weight: 70, passMark: 40 },
    { name: 'Presentation', weight: 30, passMark: 40 },
  ],
  overallPassMark: 50,
  gradeBands: [
    { grade: 'Merit', minMark: 60 },
    { grade: 'Distinction', minMark: 70 },
  ],
};

describe('mark', () => {
  it.each([
    [{ Project: 80, Presentation: 70 }, 77, 'Distinction', true],
    [{ Project: 65, Presentation: 60 }, 63.5, 'Merit', true],
    [{ Project: 55, Presentation: 50 }, 53.5, 'Pass', true],
    [{ Project: 90, Presentation: 30 }, 72, 'Fail', false],
    [{ Project: 45, Presentation: 45 }, 45, 'Fail', false],
  ])('gives %j the overall mark %d, grade %s, passed %s', (marks, overall, grade, passed) => {
    expect(mark(scheme, marks)).toMatchObject({ overallMark: overall, grade, passed });
  });

  it('names missing and unknown components', () => {
    expect(markProblems(scheme, { Project: 50, Essay: 60 })).toEqual([
      { field: 'marks.Presentation', message: 'is missing' },
      { field: 'marks.Essay', message: 'is not a component of the scheme' },
    ]);
  });
});

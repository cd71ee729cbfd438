import type { Standing } from '../catalogue/enrolment-standing';
import type { Scheme } from '../schemes/scheme.schema';
import { type MarksContext, type MarksEntry, planMarks } from './marks-plan';
import type { ResultVersion } from './result.schema';

/** Two components, pass at 50 overall and 40 in each, a Distinction band, two attempts. */
const scheme: Scheme = {
  _id: 'c',
  awardingBodyId: 'u',
  components: [
    { name: 'Project', weight: 60, passMark: 40 },
    { name: 'Viva', weight: 40, passMark: 40 },
  ],
  overallPassMark: 50,
  gradeBands: [{ grade: 'Distinction', minMark: 70 }],
  maxAttempts: 2,
  createdBy: 'registrar-1',
  createdAt: new Date('2026-12-01T00:00:00Z'),
};

const pass = { Project: 60, Viva: 60 };
const fail = { Project: 30, Viva: 30 };

function context(
  standings: Record<string, Standing> = {},
  versions: ResultVersion[] = [],
  ratified: string[] = [],
): MarksContext {
  let next = 0;
  return {
    offeringId: 'o',
    courseId: 'c',
    scheme,
    standings: new Map(Object.entries(standings)),
    records: {
      versions,
      ratified: new Map(
        ratified.map((id) => [id, { _id: id, offeringId: 'o', ratifiedBy: 'b', ratifiedAt: new Date() }]),
      ),
    },
    recordedBy: 'assessor-1',
    recordedAt: new Date('2026-12-02T00:00:00Z'),
    newResultId: () => `r${(next += 1)}`,
  };
}

const recorded = (learnerId: string, attempt: number, version: number, passed: boolean): ResultVersion => ({
  _id: `o:${learnerId}:${attempt}:${version}`,
  resultId: `old-${attempt}`,
  offeringId: 'o',
  learnerId,
  courseId: 'c',
  attempt,
  version,
  components: [],
  overallMark: passed ? 60 : 30,
  grade: passed ? 'Pass' : 'Fail',
  passed,
  recordedBy: 'a',
  recordedAt: new Date(),
});

/** What each plan says, in short: the version's id and result, or why not. */
const summary = (plans: ReturnType<typeof planMarks>) =>
  plans.map((plan) =>
    'version' in plan
      ? `${plan.version._id} ${plan.version.resultId}`
      : 'refused' in plan
        ? plan.refused
        : plan.invalid.map((problem) => `${problem.field} ${problem.message}`).join('; '),
  );

describe('planMarks', () => {
  it.each<[string, MarksContext, MarksEntry[], string[]]>([
    [
      'a first attempt when the learner has no result',
      context(),
      [{ learnerId: 'l', marks: pass }],
      ['o:l:1:1 r1'],
    ],
    [
      'a new version of the same result when the learner is named twice',
      context(),
      [
        { learnerId: 'l', marks: fail },
        { learnerId: 'l', marks: pass },
      ],
      ['o:l:1:1 r1', 'o:l:1:2 r1'],
    ],
    [
      'a new version of a provisional result already recorded',
      context({}, [recorded('l', 1, 1, false)]),
      [{ learnerId: 'l', marks: pass }],
      ['o:l:1:2 old-1'],
    ],
    [
      'a resit after a ratified fail',
      context({ l: 'enrolled' }, [recorded('l', 1, 1, false)], ['o:l:1:1']),
      [{ learnerId: 'l', marks: pass }],
      ['o:l:2:1 r1'],
    ],
    [
      'a refusal over a ratified pass',
      context({ l: 'enrolled' }, [recorded('l', 1, 1, true)], ['o:l:1:1']),
      [{ learnerId: 'l', marks: pass }],
      ['The learner has a ratified pass; the exam board can amend it.'],
    ],
    [
      'a refusal for a withdrawn learner, while another learner is recorded',
      context({ gone: 'withdrawn', l: 'enrolled' }),
      [
        { learnerId: 'gone', marks: pass },
        { learnerId: 'l', marks: pass },
      ],
      ['The learner is withdrawn on this offering, so cannot be assessed.', 'o:l:1:1 r1'],
    ],
    [
      'the fields when marks do not fit the scheme, before any refusal',
      context({ l: 'waitlisted' }),
      [{ learnerId: 'l', marks: { Project: 60, Essay: 50 } }],
      ['marks.Viva is missing; marks.Essay is not a component of the scheme'],
    ],
  ])('plans %s', (_, given, entries, expected) => {
    expect(summary(planMarks(given, entries))).toEqual(expected);
  });

  it('grades each planned version by the scheme and stamps who recorded it', () => {
    const [plan] = planMarks(context(), [{ learnerId: 'l', marks: { Project: 80, Viva: 70 } }]);
    expect(plan).toMatchObject({
      version: {
        overallMark: 76,
        grade: 'Distinction',
        passed: true,
        recordedBy: 'assessor-1',
        courseId: 'c',
      },
    });
  });
});

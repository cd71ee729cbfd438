import type { CsvRow } from '@lib/platform';
import type { Enrolment } from './enrolment.schema';
import type { EnrolmentStatus } from './enrolment-status';
import {
  checkCompletionRows,
  type CompletionLookup,
  type CompletionRow,
  completionReport,
  planCompletions,
  withoutCompletionHeader,
} from './completion-rows';

const rows = (...lines: string[][]): CsvRow[] => lines.map((cells, index) => ({ line: index + 1, cells }));
const ID_A = '11111111-1111-4111-8111-111111111111';
const ID_B = '22222222-2222-4222-8222-222222222222';

const enrolment = (id: string, learnerId = `learner-${id}`): Enrolment => ({
  _id: id,
  offeringId: 'offering-1',
  learnerId,
  requestedAt: new Date(0),
  requestSeq: 0,
  requestedBy: 'partner-1',
  source: 'bulk',
});

/** A lookup over the given enrolments with their statuses; `emails` names some of them by learner email. */
function lookupOf(
  statuses: Record<string, EnrolmentStatus>,
  emails: Record<string, string> = {},
): CompletionLookup {
  const byId = new Map(Object.keys(statuses).map((id) => [id, enrolment(id)]));
  return {
    byId,
    byEmail: new Map(Object.entries(emails).map(([email, id]) => [email, byId.get(id)!])),
    statusOf: (id) => statuses[id]!,
  };
}

const byId = (line: number, enrolmentId: string): CompletionRow => ({
  line,
  key: { enrolmentId },
  attendance: 'attended',
});

describe('withoutCompletionHeader', () => {
  it.each([
    [
      'drops a first row whose second cell is attendance',
      rows(['enrolmentId', ' Attendance '], [ID_A, 'attended']),
      [2],
    ],
    ['keeps a first row that is a completion', rows([ID_A, 'attended'], [ID_B, 'attended']), [1, 2]],
    ['keeps nothing when there is nothing', rows(), []],
  ])('%s', (_when, given, lines) => {
    expect(withoutCompletionHeader(given).map((row) => row.line)).toEqual(lines);
  });
});

describe('checkCompletionRows', () => {
  it('keeps rows naming an enrolment by id or by email, with an attendance', () => {
    expect(
      checkCompletionRows(rows([` ${ID_A} `, ' attended'], ['Ada@NHS.example', 'did-not-attend'])),
    ).toEqual({
      valid: [
        { line: 1, key: { enrolmentId: ID_A }, attendance: 'attended' },
        { line: 2, key: { email: 'ada@nhs.example' }, attendance: 'did-not-attend' },
      ],
      refused: [],
    });
  });

  it.each([
    [
      'too few values',
      [ID_A],
      { enrolmentId: ID_A },
      'expected 2 values (enrolmentId or email, attendance), found 1',
    ],
    [
      'too many values',
      [ID_A, 'attended', 'x'],
      { enrolmentId: ID_A },
      'expected 2 values (enrolmentId or email, attendance), found 3',
    ],
    [
      'an id that is not a UUID',
      ['42', 'attended'],
      { enrolmentId: '42' },
      'enrolmentId: expected an enrolment id (a UUID) or a learner email',
    ],
    [
      'a malformed email',
      ['a@b', 'attended'],
      { email: 'a@b' },
      'enrolmentId: expected an enrolment id (a UUID) or a learner email',
    ],
    [
      'an unknown attendance',
      [ID_A, 'present'],
      { enrolmentId: ID_A },
      'attendance: expected attended or did-not-attend',
    ],
  ])('refuses a row with %s as invalid', (_what, cells, key, reason) => {
    expect(checkCompletionRows(rows(cells))).toEqual({
      valid: [],
      refused: [{ line: 1, ...key, result: 'invalid', reason }],
    });
  });
});

describe('planCompletions', () => {
  it.each([
    ['plans an enrolled learner', 'enrolled', undefined],
    ['refuses a completed one as a duplicate', 'completed', ['duplicate', 'completion is recorded already']],
    [
      'refuses a waitlisted one as invalid',
      'waitlisted',
      ['invalid', 'only an enrolled learner can complete; this enrolment is waitlisted'],
    ],
    [
      'refuses a withdrawn one as invalid',
      'withdrawn',
      ['invalid', 'only an enrolled learner can complete; this enrolment is withdrawn'],
    ],
  ] as const)('%s', (_when, status, refusal) => {
    const { planned, refused } = planCompletions([byId(1, ID_A)], lookupOf({ [ID_A]: status }));
    expect(planned.map((p) => p.enrolment._id)).toEqual(refusal ? [] : [ID_A]);
    expect(refused.map((r) => [r.result, r.reason])).toEqual(refusal ? [refusal] : []);
  });

  it('refuses an enrolment not on the offering as invalid', () => {
    const { planned, refused } = planCompletions([byId(3, ID_B)], lookupOf({ [ID_A]: 'enrolled' }));
    expect(planned).toEqual([]);
    expect(refused).toEqual([
      { line: 3, enrolmentId: ID_B, result: 'invalid', reason: 'no such enrolment on this offering' },
    ]);
  });

  it('finds an enrolment by its learner email and reports a later row naming it by id as a repeat', () => {
    const rowsNamingA: CompletionRow[] = [
      { line: 1, key: { email: 'ada@nhs.example' }, attendance: 'attended' },
      byId(2, ID_A),
    ];
    const { planned, refused } = planCompletions(
      rowsNamingA,
      lookupOf({ [ID_A]: 'enrolled' }, { 'ada@nhs.example': ID_A }),
    );
    expect(planned.map((p) => [p.row.line, p.enrolment._id])).toEqual([[1, ID_A]]);
    expect(refused).toEqual([{ line: 2, enrolmentId: ID_A, result: 'duplicate', reason: 'repeats line 1' }]);
  });
});

describe('completionReport', () => {
  it('lists rows in file order and counts them by result', () => {
    const report = completionReport('offering-1', 3, [
      { line: 3, enrolmentId: ID_B, result: 'completed' },
      { line: 1, enrolmentId: ID_A, result: 'invalid', reason: 'x' },
      { line: 2, enrolmentId: ID_A, result: 'duplicate', reason: 'y' },
    ]);
    expect(report).toMatchObject({
      offeringId: 'offering-1',
      rows: 3,
      completed: 1,
      duplicate: 1,
      invalid: 1,
    });
    expect(report.results.map((row) => row.line)).toEqual([1, 2, 3]);
  });
});

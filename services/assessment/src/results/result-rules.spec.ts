import type { ResultVersion } from './result.schema';
import { latestByAttempt, nextRecord, statusOf } from './result-rules';
import type { VersionRecords } from './results.repository';

const version = (
  attempt: number,
  v: number,
  passed: boolean,
  extra: Partial<ResultVersion> = {},
): ResultVersion => ({
  _id: `o:l:${attempt}:${v}`,
  resultId: `r${attempt}`,
  offeringId: 'o',
  learnerId: 'l',
  courseId: 'c',
  attempt,
  version: v,
  components: [],
  overallMark: passed ? 60 : 30,
  grade: passed ? 'Pass' : 'Fail',
  passed,
  recordedBy: 'a',
  recordedAt: new Date(),
  ...extra,
});

function records(versions: ResultVersion[], ratified: string[] = []): VersionRecords {
  return {
    versions,
    released: new Set(versions.map((v) => v._id)),
    ratified: new Map(
      ratified.map((id) => [id, { _id: id, offeringId: 'o', ratifiedBy: 'b', ratifiedAt: new Date() }]),
    ),
  };
}

describe('nextRecord', () => {
  it('starts at attempt 1, version 1', () => {
    expect(nextRecord(records([]), 2)).toEqual({ attempt: 1, version: 1 });
  });

  it('makes a new version of a provisional attempt', () => {
    expect(nextRecord(records([version(1, 1, false)]), 2)).toEqual({
      attempt: 1,
      version: 2,
      resultId: 'r1',
    });
  });

  it('opens a resit after a ratified fail while attempts remain', () => {
    expect(nextRecord(records([version(1, 1, false)], ['o:l:1:1']), 2)).toEqual({ attempt: 2, version: 1 });
  });

  it('refuses a resit beyond the attempt limit', () => {
    const history = records([version(1, 1, false), version(2, 1, false)], ['o:l:1:1', 'o:l:2:1']);
    expect(nextRecord(history, 2)).toEqual({
      refused: 'The learner has used all 2 attempt(s) the scheme allows.',
    });
  });

  it('refuses new marks over a ratified pass, which only an amendment changes', () => {
    expect(nextRecord(records([version(1, 1, true)], ['o:l:1:1']), 2)).toEqual({
      refused: 'The learner has a ratified pass; the exam board can amend it.',
    });
  });

  it('treats an amendment as ratified', () => {
    const amended = version(1, 2, false, { amendment: { reason: 'x', previousVersion: 1 } });
    expect(nextRecord(records([version(1, 1, true), amended], ['o:l:1:1']), 3)).toEqual({
      attempt: 2,
      version: 1,
    });
  });
});

describe('latestByAttempt', () => {
  it('keeps the newest version of each attempt, by attempt, whatever order they come in', () => {
    const versions = [version(2, 1, true), version(1, 2, false), version(1, 1, false), version(2, 3, true)];
    expect(latestByAttempt(versions).map((v) => v._id)).toEqual(['o:l:1:2', 'o:l:2:3']);
  });

  it('gives nothing when there are no versions', () => {
    expect(latestByAttempt([])).toEqual([]);
  });
});

describe('statusOf', () => {
  it.each([
    { when: 'not ratified', given: version(1, 1, true), ratified: [], expected: 'provisional' },
    { when: 'ratified', given: version(1, 1, true), ratified: ['o:l:1:1'], expected: 'ratified' },
    {
      when: 'an amendment',
      given: version(1, 2, true, { amendment: { reason: 'x', previousVersion: 1 } }),
      ratified: [],
      expected: 'ratified',
    },
  ])('is $expected when the version is $when', ({ given, ratified, expected }) => {
    expect(statusOf(given, records([given], ratified))).toBe(expected);
  });
});

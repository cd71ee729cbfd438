import { ALREADY_RATIFIED, NOT_ANNOUNCED, ratificationProblem, unratifiedNewest } from './ratification-plan';
import type { ResultVersion } from './result.schema';
import type { VersionRecords } from './results.repository';

const version = (resultId: string, v: number, extra: Partial<ResultVersion> = {}): ResultVersion => ({
  _id: `o:${resultId}:1:${v}`,
  resultId,
  offeringId: 'o',
  learnerId: resultId,
  courseId: 'c',
  attempt: 1,
  version: v,
  components: [],
  overallMark: 60,
  grade: 'Pass',
  passed: true,
  recordedBy: 'a',
  recordedAt: new Date(),
  ...extra,
});

function records(versions: ResultVersion[], released: string[], ratified: string[] = []): VersionRecords {
  return {
    versions,
    released: new Set(released),
    ratified: new Map(
      ratified.map((id) => [id, { _id: id, offeringId: 'o', ratifiedBy: 'b', ratifiedAt: new Date() }]),
    ),
  };
}

describe('ratificationProblem', () => {
  const v1 = version('r', 1);
  it.each<[string, VersionRecords, string | undefined]>([
    ['nothing when the version is announced and provisional', records([v1], [v1._id]), undefined],
    ['that it waits for the enrolment when the version is not announced', records([v1], []), NOT_ANNOUNCED],
    ['that it is ratified when a ratification exists', records([v1], [v1._id], [v1._id]), ALREADY_RATIFIED],
  ])('says %s', (_, given, expected) => {
    expect(ratificationProblem(v1, given)).toBe(expected);
  });

  it('says an amendment is ratified already', () => {
    const amended = version('r', 2, { amendment: { reason: 'appeal', previousVersion: 1 } });
    expect(ratificationProblem(amended, records([amended], [amended._id]))).toBe(ALREADY_RATIFIED);
  });
});

describe('unratifiedNewest', () => {
  it('gives the newest version of each result not ratified yet, in the order the results appear', () => {
    const versions = [version('a', 1), version('b', 1), version('a', 2), version('c', 1)];
    const given = records(versions, [], ['o:b:1:1']);
    expect(unratifiedNewest(given).map((v) => v._id)).toEqual(['o:a:1:2', 'o:c:1:1']);
  });
});

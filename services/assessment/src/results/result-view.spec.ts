import type { Ratification, ResultVersion } from './result.schema';
import { toResultViews } from './result-view';
import type { VersionRecords } from './results.repository';

const at = (minute: number) => new Date(Date.UTC(2027, 0, 20, 9, minute));

function version(
  resultId: string,
  attempt: number,
  v: number,
  overallMark: number,
  extra: Partial<ResultVersion> = {},
) {
  return {
    _id: `o:l:${attempt}:${v}`,
    resultId,
    offeringId: 'o',
    learnerId: 'l',
    courseId: 'c',
    attempt,
    version: v,
    components: [{ name: 'Project', weight: 100, mark: overallMark }],
    overallMark,
    grade: overallMark >= 50 ? 'Pass' : 'Fail',
    passed: overallMark >= 50,
    recordedBy: 'assessor-1',
    recordedAt: at(v),
    ...extra,
  } satisfies ResultVersion;
}

function records(versions: ResultVersion[], released: string[], ratified: string[] = []): VersionRecords {
  return {
    versions,
    released: new Set(released),
    ratified: new Map(
      ratified.map((id): [string, Ratification] => [
        id,
        { _id: id, offeringId: 'o', ratifiedBy: 'board', ratifiedAt: at(30) },
      ]),
    ),
  };
}

describe('toResultViews', () => {
  it('makes one view per result with every version, oldest first, and the newest on top', () => {
    const [view, ...others] = toResultViews(
      records([version('r1', 1, 2, 64), version('r1', 1, 1, 45)], ['o:l:1:1', 'o:l:1:2']),
    );
    expect(others).toEqual([]);
    expect(view).toMatchObject({
      resultId: 'r1',
      attempt: 1,
      version: 2,
      overallMark: 64,
      passed: true,
      status: 'provisional',
    });
    expect(view!.versions.map((v) => [v.version, v.overallMark])).toEqual([
      [1, 45],
      [2, 64],
    ]);
  });

  it('says a version is not announced while its release is missing', () => {
    const [view] = toResultViews(records([version('r1', 1, 1, 70)], []));
    expect(view!.versions[0]).toMatchObject({ announced: false, status: 'provisional' });
    expect(view!.versions[0]!.ratifiedAt).toBeUndefined();
  });

  it('shows when a version was ratified', () => {
    const [view] = toResultViews(records([version('r1', 1, 1, 70)], ['o:l:1:1'], ['o:l:1:1']));
    expect(view).toMatchObject({ status: 'ratified' });
    expect(view!.versions[0]).toMatchObject({
      status: 'ratified',
      ratifiedAt: at(30).toISOString(),
      announced: true,
    });
  });

  it('shows an amendment as a ratified version with its reason', () => {
    const amendment = { reason: 'marking error', previousVersion: 1 };
    const [view] = toResultViews(
      records(
        [version('r1', 1, 1, 70), version('r1', 1, 2, 75, { amendment })],
        ['o:l:1:1', 'o:l:1:2'],
        ['o:l:1:1'],
      ),
    );
    expect(view).toMatchObject({ version: 2, overallMark: 75, status: 'ratified' });
    expect(view!.versions[1]).toMatchObject({ amendment, status: 'ratified' });
  });

  it('keeps attempts apart as separate results', () => {
    const views = toResultViews(records([version('r1', 1, 1, 30), version('r2', 2, 1, 60)], []));
    expect(views.map((v) => [v.resultId, v.attempt, v.passed])).toEqual([
      ['r1', 1, false],
      ['r2', 2, true],
    ]);
  });
});

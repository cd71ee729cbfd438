import { type ApiClients, dataOf } from '../../api/client';

export type Programme = Awaited<ReturnType<typeof programmeOf>>;
export type ProgrammeModule = Programme['modules'][number];
export type RecognitionRule = NonNullable<ProgrammeModule['rule']>;

/** The body's programmes: the catalogue is everyone's, so the body's own are picked out of it. */
export async function ownProgrammes(api: ApiClients, organisationId: string | undefined) {
  const page = await dataOf(
    api.recognition.GET('/api/recognition/programmes', { params: { query: { pageSize: 200 } } }),
  );
  return page.items.filter((programme) => programme.awardingBodyId === organisationId);
}

/** A programme with its policy, modules and their rules. */
export function programmeOf(api: ApiClients, id: string) {
  return dataOf(api.recognition.GET('/api/recognition/programmes/{id}', { params: { path: { id } } }));
}

/** A rule in plain words, e.g. "Any of: the achievement https://…; at least 15 credits in Health data". */
export function ruleInWords(rule: RecognitionRule | undefined): string {
  if (!rule) return 'No recognition rule: the module cannot be credited yet.';
  const criteria = rule.criteria.map((criterion) => {
    if (criterion.kind === 'achievement') return `the achievement ${criterion.achievementId}`;
    const parts = [
      criterion.minimumLevel &&
        `level ${criterion.minimumLevel.framework} ${criterion.minimumLevel.level} or above`,
      criterion.minimumCredits !== undefined && `at least ${criterion.minimumCredits} credits`,
      criterion.fieldOfStudy && `in ${criterion.fieldOfStudy}`,
      criterion.outcomes?.length && `covering ${criterion.outcomes.join('; ')}`,
    ].filter(Boolean);
    return parts.length ? `a credential ${parts.join(', ')}` : 'any credential';
  });
  const how = { any: 'Any one of', all: 'All of', stacked: 'Stacked together' }[rule.combination];
  return `${how}: ${criteria.join(' · ')}`;
}

/** A learner's row of the grid: the text typed for each component, by component name. */
export type TypedMarks = Readonly<Record<string, string>>;

const MARK = /^\d{1,3}(\.\d+)?$/;

/** Why a typed mark is not one the scheme takes (0 to 100), or undefined when it is (or is empty). */
export function markProblem(text: string): string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  if (!MARK.test(trimmed) || Number(trimmed) > 100) return 'Enter a mark from 0 to 100.';
  return undefined;
}

/** A row takes part once any of its marks is typed; then every component needs one. */
export const rowStarted = (row: TypedMarks | undefined, components: readonly string[]) =>
  components.some((name) => (row?.[name] ?? '').trim() !== '');

/**
 * Each cell's problem in a row, by component: a mark out of range as it is typed, and, once `requireAll` (the user
 * tried to submit), a missing mark in a row that was started.
 */
export function rowProblems(
  row: TypedMarks | undefined,
  components: readonly string[],
  requireAll: boolean,
): Record<string, string> {
  const problems: Record<string, string> = {};
  const started = rowStarted(row, components);
  for (const name of components) {
    const text = row?.[name] ?? '';
    const problem =
      markProblem(text) ?? (requireAll && started && text.trim() === '' ? 'Enter a mark.' : undefined);
    if (problem) problems[name] = problem;
  }
  return problems;
}

/** The marks as numbers, for a row with no problems. */
export const marksOf = (row: TypedMarks, components: readonly string[]) =>
  Object.fromEntries(components.map((name) => [name, Number(row[name]!.trim())]));

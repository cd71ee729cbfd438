import { toCsv } from '../../ui/csv';

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

/**
 * What the grid would send: the bulk endpoint's CSV (`learnerId,<component>...`) of every started row, or why not
 * (a mark flagged, or nothing typed).
 */
export function planMarks(
  typed: Readonly<Record<string, TypedMarks>>,
  learnerIds: readonly string[],
  components: readonly string[],
): { state: 'faulty' } | { state: 'empty' } | { state: 'ready'; csv: string } {
  const started = learnerIds.filter((learnerId) => rowStarted(typed[learnerId], components));
  const faulty = started.some((id) => Object.keys(rowProblems(typed[id], components, true)).length > 0);
  if (faulty) return { state: 'faulty' };
  if (started.length === 0) return { state: 'empty' };
  const rows = started.map((id) => [id, ...components.map((name) => typed[id]![name]!.trim())]);
  return { state: 'ready', csv: toCsv(['learnerId', ...components], rows) };
}

/** The rows still typed once those recorded are cleared (a refused row keeps its marks to correct). */
export const withoutRecorded = (
  typed: Readonly<Record<string, TypedMarks>>,
  outcomes: readonly { learnerId: string; result: string }[],
): Record<string, TypedMarks> => {
  const recorded = new Set(outcomes.filter((o) => o.result === 'recorded').map((o) => o.learnerId));
  return Object.fromEntries(Object.entries(typed).filter(([learnerId]) => !recorded.has(learnerId)));
};

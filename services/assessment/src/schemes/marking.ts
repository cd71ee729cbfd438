import type { Scheme } from './scheme.schema';

export interface ComponentMark {
  name: string;
  weight: number;
  mark: number;
}

export interface Outcome {
  components: ComponentMark[];
  overallMark: number;
  grade: string;
  passed: boolean;
}

/**
 * The overall mark is the weighted mean of the component marks, rounded to one decimal. A learner passes when
 * the overall mark and every component reach their pass marks; the grade is the highest band reached, "Pass"
 * below every band, "Fail" when not passed.
 */
export function mark(
  scheme: Pick<Scheme, 'components' | 'overallPassMark' | 'gradeBands'>,
  marks: Record<string, number>,
): Outcome {
  const components = scheme.components.map((component) => ({
    name: component.name,
    weight: component.weight,
    mark: marks[component.name]!,
  }));
  const overallMark = Math.round(components.reduce((sum, c) => sum + (c.mark * c.weight) / 100, 0) * 10) / 10;
  const passed =
    overallMark >= scheme.overallPassMark &&
    scheme.components.every((component) => marks[component.name]! >= component.passMark);
  const band = [...scheme.gradeBands]
    .sort((a, b) => b.minMark - a.minMark)
    .find((candidate) => overallMark >= candidate.minMark);
  return { components, overallMark, grade: passed ? (band?.grade ?? 'Pass') : 'Fail', passed };
}

/** Which component marks are missing or unknown for a scheme; empty when the marks fit it. */
export function markProblems(
  scheme: Pick<Scheme, 'components'>,
  marks: Record<string, number>,
): { field: string; message: string }[] {
  const names = new Set(scheme.components.map((component) => component.name));
  return [
    ...scheme.components
      .filter((c) => marks[c.name] === undefined)
      .map((c) => ({ field: `marks.${c.name}`, message: 'is missing' })),
    ...Object.keys(marks)
      .filter((name) => !names.has(name))
      .map((name) => ({ field: `marks.${name}`, message: 'is not a component of the scheme' })),
  ];
}

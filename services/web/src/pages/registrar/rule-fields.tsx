import { FormField } from '../../ui/form-field';
import type { RecognitionRule } from './msc-api';
import { numberOf } from './level-fields';

type Criterion = RecognitionRule['criteria'][number];
type PropertiesCriterion = Extract<Criterion, { kind: 'properties' }>;

export interface CriterionDraft {
  kind: Criterion['kind'];
  achievementId: string;
  minimumCredits: string;
  fieldOfStudy: string;
  outcomes: string;
  /** Kept as the rule had it: this form does not change a minimum level. */
  minimumLevel?: PropertiesCriterion['minimumLevel'];
}
export interface RuleDraft {
  combination: RecognitionRule['combination'];
  criteria: CriterionDraft[];
}

const COMBINATIONS = {
  any: 'Any one criterion is enough',
  all: 'Every criterion must be met',
  stacked: 'Credentials stacked together meet it',
};
const NEW_CRITERION: CriterionDraft = {
  kind: 'achievement',
  achievementId: '',
  minimumCredits: '',
  fieldOfStudy: '',
  outcomes: '',
};
export const EMPTY_RULE: RuleDraft = { combination: 'any', criteria: [] };

const linesOf = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/** The rule the API takes; blank optional fields are left out. */
export function ruleOf(draft: RuleDraft): RecognitionRule {
  return {
    combination: draft.combination,
    criteria: draft.criteria.map((criterion): Criterion => {
      if (criterion.kind === 'achievement')
        return { kind: 'achievement', achievementId: criterion.achievementId.trim() };
      const outcomes = linesOf(criterion.outcomes);
      return {
        kind: 'properties',
        ...(criterion.minimumLevel ? { minimumLevel: criterion.minimumLevel } : {}),
        ...(criterion.minimumCredits.trim() ? { minimumCredits: numberOf(criterion.minimumCredits) } : {}),
        ...(criterion.fieldOfStudy.trim() ? { fieldOfStudy: criterion.fieldOfStudy.trim() } : {}),
        ...(outcomes.length ? { outcomes } : {}),
      };
    }),
  };
}

/** The API's field paths this rule's fields show their messages for. */
export function ruleFieldsShown(draft: RuleDraft): string[] {
  const criteria = draft.criteria.flatMap((_, index) =>
    ['kind', 'achievementId', 'minimumCredits', 'fieldOfStudy', 'outcomes'].map(
      (field) => `rule.criteria.${index}.${field}`,
    ),
  );
  return ['rule.combination', 'rule.criteria', ...criteria];
}

/** A rule as a draft to change. */
export function draftOf(rule: RecognitionRule | undefined): RuleDraft {
  if (!rule) return EMPTY_RULE;
  return {
    combination: rule.combination,
    criteria: rule.criteria.map((criterion) =>
      criterion.kind === 'achievement'
        ? { ...NEW_CRITERION, achievementId: criterion.achievementId }
        : {
            ...NEW_CRITERION,
            kind: 'properties',
            minimumCredits: criterion.minimumCredits?.toString() ?? '',
            fieldOfStudy: criterion.fieldOfStudy ?? '',
            outcomes: (criterion.outcomes ?? []).join('\n'),
            ...(criterion.minimumLevel ? { minimumLevel: criterion.minimumLevel } : {}),
          },
    ),
  };
}

/** A recognition rule: how criteria combine, and each criterion, with the API's messages (`rule.criteria.0.…`). */
export function RuleFields(props: {
  value: RuleDraft;
  onChange: (value: RuleDraft) => void;
  errors: Record<string, string>;
}) {
  const { value, onChange, errors } = props;
  const change = (index: number, criterion: Partial<CriterionDraft>) =>
    onChange({
      ...value,
      criteria: value.criteria.map((old, at) => (at === index ? { ...old, ...criterion } : old)),
    });
  return (
    <fieldset className="fieldset">
      <legend className="field__label">Recognition rule</legend>
      <FormField label="How the criteria combine" error={errors['rule.combination']}>
        <select
          value={value.combination}
          onChange={(event) =>
            onChange({ ...value, combination: event.target.value as RuleDraft['combination'] })
          }
        >
          {Object.entries(COMBINATIONS).map(([combination, label]) => (
            <option key={combination} value={combination}>
              {label}
            </option>
          ))}
        </select>
      </FormField>
      {errors['rule.criteria'] && !value.criteria.length && (
        <p className="field__error">Criteria: {errors['rule.criteria']}</p>
      )}
      {value.criteria.map((criterion, index) => {
        const at = `rule.criteria.${index}`;
        return (
          <fieldset key={index} className="fieldset">
            <legend className="field__label">Criterion {index + 1}</legend>
            <FormField label="Kind" error={errors[`${at}.kind`]}>
              <select
                value={criterion.kind}
                onChange={(event) => change(index, { kind: event.target.value as CriterionDraft['kind'] })}
              >
                <option value="achievement">A named achievement</option>
                <option value="properties">A credential with these properties</option>
              </select>
            </FormField>
            {criterion.kind === 'achievement' ? (
              <FormField
                label="Achievement id"
                hint="The achievement’s address, as on its credentials (https://…)."
                error={errors[`${at}.achievementId`]}
              >
                <input
                  value={criterion.achievementId}
                  onChange={(event) => change(index, { achievementId: event.target.value })}
                />
              </FormField>
            ) : (
              <>
                <FormField label="Minimum credits" error={errors[`${at}.minimumCredits`]}>
                  <input
                    inputMode="decimal"
                    value={criterion.minimumCredits}
                    onChange={(event) => change(index, { minimumCredits: event.target.value })}
                  />
                </FormField>
                <FormField label="Field of study" error={errors[`${at}.fieldOfStudy`]}>
                  <input
                    value={criterion.fieldOfStudy}
                    onChange={(event) => change(index, { fieldOfStudy: event.target.value })}
                  />
                </FormField>
                <FormField label="Outcomes it must cover" hint="One a line." error={errors[`${at}.outcomes`]}>
                  <textarea
                    rows={3}
                    value={criterion.outcomes}
                    onChange={(event) => change(index, { outcomes: event.target.value })}
                  />
                </FormField>
              </>
            )}
            <div className="actions">
              <button
                type="button"
                className="button button--secondary"
                onClick={() =>
                  onChange({ ...value, criteria: value.criteria.filter((_, at) => at !== index) })
                }
              >
                Remove criterion {index + 1}
              </button>
            </div>
          </fieldset>
        );
      })}
      <div className="actions">
        <button
          type="button"
          className="button button--secondary"
          onClick={() => onChange({ ...value, criteria: [...value.criteria, NEW_CRITERION] })}
        >
          Add a criterion
        </button>
      </div>
    </fieldset>
  );
}

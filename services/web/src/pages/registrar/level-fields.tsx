import { FormField } from '../../ui/form-field';

export const FRAMEWORKS = ['FHEQ', 'RQF', 'SCQF'] as const;
export interface LevelDraft {
  framework: (typeof FRAMEWORKS)[number];
  level: string;
  eqfLevel: string;
}
export const LEVEL_7: LevelDraft = { framework: 'FHEQ', level: '7', eqfLevel: '7' };

/** Numbers as typed: a blank or unreadable entry goes as it is, so the API names the field. */
export const numberOf = (text: string) =>
  text.trim() === '' ? (undefined as unknown as number) : Number(text);

export const levelOf = (draft: LevelDraft) => ({
  framework: draft.framework,
  level: numberOf(draft.level),
  eqfLevel: numberOf(draft.eqfLevel),
});

/** A level's framework, level and EQF level, each with the API's message for it (`<prefix>.level`…). */
export function LevelFields(props: {
  value: LevelDraft;
  onChange: (value: LevelDraft) => void;
  errors: Record<string, string>;
  prefix: string;
}) {
  const { value, onChange, errors, prefix } = props;
  return (
    <fieldset className="fieldset">
      <legend className="field__label">Level</legend>
      <FormField label="Framework" error={errors[`${prefix}.framework`]}>
        <select
          value={value.framework}
          onChange={(event) =>
            onChange({ ...value, framework: event.target.value as LevelDraft['framework'] })
          }
        >
          {FRAMEWORKS.map((framework) => (
            <option key={framework}>{framework}</option>
          ))}
        </select>
      </FormField>
      <FormField label="Level in the framework" error={errors[`${prefix}.level`]}>
        <input
          inputMode="numeric"
          value={value.level}
          onChange={(event) => onChange({ ...value, level: event.target.value })}
        />
      </FormField>
      <FormField label="EQF level" error={errors[`${prefix}.eqfLevel`]}>
        <input
          inputMode="numeric"
          value={value.eqfLevel}
          onChange={(event) => onChange({ ...value, eqfLevel: event.target.value })}
        />
      </FormField>
    </fieldset>
  );
}

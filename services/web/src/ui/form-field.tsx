import { type ReactElement, cloneElement, useId } from 'react';
import { ApiError } from '../api/api-error';

/** The API's field-level errors by field path (`title`, `level.eqfLevel`); an item's (`learningOutcomes.1`) also under its list. */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!(error instanceof ApiError)) return errors;
  for (const { field, message: given } of error.problem.errors ?? []) {
    const message = plainWords(given);
    errors[field] ??= message;
    const list = field.replace(/\.\d+$/, '');
    errors[list] ??= message;
  }
  return errors;
}

/** The validator's wording for an empty field, in plain words; any other message as the API gave it. */
function plainWords(message: string): string {
  if (/received undefined|expected string to have >=1 characters/.test(message)) return 'Enter a value.';
  if (/expected array to have >=1 items/.test(message)) return 'Enter at least one.';
  if (/expected number, received (string|NaN|null)/.test(message)) return 'Enter a number.';
  if (/^Invalid ISO date/.test(message)) return 'Enter a date: day, month and year.';
  if (/^Invalid UUID/.test(message))
    return 'Enter the id as the hub gave it (like 74cca6aa-8641-4ccf-be6f-2dfaa4c5239f).';
  return message;
}

/** The message for a failure that is not about one field (or names a field the form does not show). */
export function formProblemOf(error: unknown, shown: readonly string[]): string | undefined {
  if (!error) return undefined;
  if (!(error instanceof ApiError)) return (error as Error).message;
  const unshown = (error.problem.errors ?? []).filter(
    ({ field }) => !shown.includes(field) && !shown.includes(field.replace(/\.\d+$/, '')),
  );
  if (!error.problem.errors?.length) return error.problem.message;
  return unshown.length > 0 ? unshown.map((e) => `${e.field}: ${e.message}`).join('; ') : undefined;
}

interface FormFieldProps {
  label: string;
  hint?: string;
  error?: string;
  /** The input, select or textarea: given its id, and the hint and error as its description. */
  children: ReactElement<Record<string, unknown>>;
}

/** A labelled form control with its hint and, after a refusal, the API's message for it beside it. */
export function FormField({ label, hint, error, children }: FormFieldProps) {
  const id = useId();
  const described = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ');
  return (
    <div className={error ? 'field field--error' : 'field'}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="hint field__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      )}
      {cloneElement(children, {
        id,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': described || undefined,
      })}
    </div>
  );
}

import { breakingChanges } from './compatibility';
import type { JsonSchema } from './json-schema';

const base: JsonSchema = {
  type: 'object',
  properties: {
    learnerId: { type: 'string', format: 'uuid' },
    credits: { type: 'number' },
    status: { type: 'string', enum: ['enrolled', 'waitlisted'] },
    learner: { type: 'object', properties: { email: { type: 'string' } }, required: ['email'] },
    tags: { type: 'array', items: { type: 'string' } },
  },
  required: ['learnerId', 'credits', 'status', 'learner'],
};

function change(mutate: (schema: JsonSchema) => void): JsonSchema {
  const copy = structuredClone(base);
  mutate(copy);
  return copy;
}

const props = (schema: JsonSchema): Record<string, JsonSchema> =>
  schema.properties as Record<string, JsonSchema>;

describe('breakingChanges', () => {
  it.each<[string, (schema: JsonSchema) => void]>([
    ['adding an optional field', (s) => (props(s).note = { type: 'string' })],
    ['adding an enum value', (s) => (props(s).status!.enum = ['enrolled', 'waitlisted', 'cancelled'])],
    ['adding a nested optional field', (s) => (props(props(s).learner!).phone = { type: 'string' })],
  ])('allows %s', (_, mutate) => {
    expect(breakingChanges(base, change(mutate))).toEqual([]);
  });

  it.each<[string, (schema: JsonSchema) => void, string]>([
    ['a removed field', (s) => delete props(s).credits, 'credits: removed'],
    [
      'a retyped field',
      (s) => (props(s).credits = { type: 'string' }),
      'credits: type changed from "number" to "string"',
    ],
    ['a nested removed field', (s) => delete props(props(s).learner!).email, 'learner.email: removed'],
    [
      'a removed enum value',
      (s) => (props(s).status!.enum = ['enrolled']),
      'status: enum value "waitlisted" removed',
    ],
    ['a new required field', (s) => (s.required as string[]).push('tags'), 'tags: newly required'],
    [
      'a field made optional',
      (s) => (s.required = ['learnerId', 'status', 'learner']),
      'credits: no longer required',
    ],
    [
      'a changed format',
      (s) => (props(s).learnerId!.format = 'email'),
      'learnerId: format changed from "uuid"',
    ],
    [
      'a retyped array item',
      (s) => (props(s).tags!.items = { type: 'number' }),
      'tags[]: type changed from "string" to "number"',
    ],
  ])('catches %s', (_, mutate, expected) => {
    expect(breakingChanges(base, change(mutate))).toContain(expected);
  });
});

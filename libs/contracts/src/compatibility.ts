import type { JsonSchema } from './json-schema';

/**
 * Lists what a new JSON Schema breaks for readers and writers of the old one; empty when the change is
 * additive (new optional fields, new enum values, looser limits are all allowed within a major version).
 */
export function breakingChanges(previous: JsonSchema, next: JsonSchema, path = '(root)'): string[] {
  const problems: string[] = [];
  const oldType = previous.type;
  if (oldType !== undefined && JSON.stringify(oldType) !== JSON.stringify(next.type)) {
    return [`${path}: type changed from ${JSON.stringify(oldType)} to ${JSON.stringify(next.type ?? 'any')}`];
  }
  for (const keyword of ['format', 'pattern', 'const'] as const) {
    if (
      previous[keyword] !== undefined &&
      JSON.stringify(previous[keyword]) !== JSON.stringify(next[keyword])
    ) {
      problems.push(`${path}: ${keyword} changed from ${JSON.stringify(previous[keyword])}`);
    }
  }
  problems.push(...removedEnumValues(previous, next, path));
  problems.push(...objectChanges(previous, next, path));
  if (isSchema(previous.items) && isSchema(next.items)) {
    problems.push(...breakingChanges(previous.items, next.items, `${path}[]`));
  }
  for (const keyword of ['anyOf', 'oneOf', 'allOf'] as const) {
    if (
      previous[keyword] !== undefined &&
      JSON.stringify(previous[keyword]) !== JSON.stringify(next[keyword])
    ) {
      problems.push(`${path}: ${keyword} changed`);
    }
  }
  return problems;
}

function objectChanges(previous: JsonSchema, next: JsonSchema, path: string): string[] {
  const problems: string[] = [];
  const oldProps = properties(previous);
  const newProps = properties(next);
  const oldRequired = new Set(required(previous));
  const newRequired = new Set(required(next));
  for (const [name, oldProp] of Object.entries(oldProps)) {
    const at = path === '(root)' ? name : `${path}.${name}`;
    const newProp = newProps[name];
    if (newProp === undefined) {
      problems.push(`${at}: removed`);
      continue;
    }
    if (oldRequired.has(name) && !newRequired.has(name)) problems.push(`${at}: no longer required`);
    problems.push(...breakingChanges(oldProp, newProp, at));
  }
  for (const name of newRequired) {
    if (!oldRequired.has(name))
      problems.push(`${path === '(root)' ? name : `${path}.${name}`}: newly required`);
  }
  return problems;
}

function removedEnumValues(previous: JsonSchema, next: JsonSchema, path: string): string[] {
  if (!Array.isArray(previous.enum)) return [];
  const kept = new Set(Array.isArray(next.enum) ? next.enum.map((value) => JSON.stringify(value)) : []);
  return previous.enum
    .filter((value) => !kept.has(JSON.stringify(value)))
    .map((value) => `${path}: enum value ${JSON.stringify(value)} removed`);
}

function properties(schema: JsonSchema): Record<string, JsonSchema> {
  return isSchema(schema.properties) ? (schema.properties as Record<string, JsonSchema>) : {};
}

function required(schema: JsonSchema): string[] {
  return Array.isArray(schema.required) ? (schema.required as string[]) : [];
}

function isSchema(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

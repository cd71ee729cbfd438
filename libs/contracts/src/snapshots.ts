import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { breakingChanges } from './compatibility';
import type { EventContract } from './contract';
import { eventJsonSchema, type JsonSchema } from './json-schema';

/** Where the committed JSON Schema snapshots live, one file per topic (found from source or from dist). */
export const SNAPSHOT_DIR = join(repositoryRoot(__dirname), 'libs', 'contracts', 'schemas');

function repositoryRoot(from: string): string {
  let dir = from;
  // The repository's package.json (dist/ has none), so the snapshot command writes the committed files.
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${from}`);
    dir = parent;
  }
  return dir;
}

export function snapshotPath(topic: string, dir = SNAPSHOT_DIR): string {
  return join(dir, `${topic}.json`);
}

export function readSnapshot(topic: string, dir = SNAPSHOT_DIR): JsonSchema | undefined {
  const file = snapshotPath(topic, dir);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as JsonSchema) : undefined;
}

export function snapshotTopics(dir = SNAPSHOT_DIR): string[] {
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((name) => name.endsWith('.json'))
        .map((name) => name.slice(0, -'.json'.length))
    : [];
}

export function renderSnapshot(contract: EventContract): string {
  return `${JSON.stringify(eventJsonSchema(contract), null, 2)}\n`;
}

/** Every way the contracts differ from the committed snapshots in a way that breaks a v1 reader or writer. */
export function snapshotProblems(contracts: readonly EventContract[], dir = SNAPSHOT_DIR): string[] {
  const problems: string[] = [];
  const topics = new Set(contracts.map((contract) => contract.topic));
  for (const topic of snapshotTopics(dir)) {
    if (!topics.has(topic))
      problems.push(`${topic}: the event was removed; publish a new major version beside it instead`);
  }
  for (const contract of contracts) {
    const snapshot = readSnapshot(contract.topic, dir);
    if (snapshot === undefined) continue;
    for (const change of breakingChanges(snapshot, eventJsonSchema(contract))) {
      problems.push(`${contract.topic}: ${change}`);
    }
  }
  return problems;
}

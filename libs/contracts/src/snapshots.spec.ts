import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { defineEvent } from './contract';
import { EVENT_CONTRACTS } from './registry';
import { renderSnapshot, snapshotPath, snapshotProblems } from './snapshots';

describe('committed JSON Schema snapshots', () => {
  it('exist for every event and match the contracts (run `npm run contracts:snapshot` after an additive change)', () => {
    for (const contract of EVENT_CONTRACTS) {
      expect({ topic: contract.topic, schema: readFileSync(snapshotPath(contract.topic), 'utf8') }).toEqual({
        topic: contract.topic,
        schema: renderSnapshot(contract),
      });
    }
  });

  it('show no breaking change against the contracts', () => {
    expect(snapshotProblems(EVENT_CONTRACTS)).toEqual([]);
  });

  it('catch a removed or retyped field of an event', () => {
    const dir = mkdtempSync(join(tmpdir(), 'snapshots-'));
    const topic = 'test.thing.happened.v1';
    const v1 = defineEvent({
      topic,
      keyField: 'id',
      description: 'test',
      schema: z.object({ id: z.string(), credits: z.number(), note: z.string() }),
    });
    writeFileSync(snapshotPath(topic, dir), renderSnapshot(v1));
    const changed = defineEvent({ ...v1, schema: z.object({ id: z.string(), credits: z.string() }) });
    expect(snapshotProblems([changed], dir)).toEqual([
      `${topic}: credits: type changed from "number" to "string"`,
      `${topic}: note: removed`,
    ]);
    expect(snapshotProblems([], dir)).toEqual([
      `${topic}: the event was removed; publish a new major version beside it instead`,
    ]);
  });
});

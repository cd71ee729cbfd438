/**
 * Writes the JSON Schema snapshot of every event contract (`npm run contracts:snapshot`).
 * Refuses when a change is not additive: a breaking change needs a new major version topic.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { EVENT_CONTRACTS } from '../registry';
import { SNAPSHOT_DIR, renderSnapshot, snapshotPath, snapshotProblems } from '../snapshots';

const problems = snapshotProblems(EVENT_CONTRACTS);
if (problems.length > 0) {
  console.error('Not written: these changes break v1 readers or writers:');
  for (const problem of problems) console.error(`  - ${problem}`);
  process.exit(1);
}
mkdirSync(SNAPSHOT_DIR, { recursive: true });
for (const contract of EVENT_CONTRACTS) {
  writeFileSync(snapshotPath(contract.topic), renderSnapshot(contract));
}
console.log(`Wrote ${EVENT_CONTRACTS.length} snapshots to ${SNAPSHOT_DIR}`);

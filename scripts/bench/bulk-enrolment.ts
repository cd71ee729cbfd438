/**
 * Times a 5,000-row CSV enrolment against a running stack (`make up`), end to end through the gateway:
 *   npm run -s bench:bulk-enrolment [-- --rows 5000 --url http://localhost:3000]
 * It registers its own awarding body, course and offering, so it can run on any stack that trusts the
 * development identity provider. It prints wall-clock times; it asserts nothing.
 */
import { parseArgs } from 'node:util';
import { benchOffering, machine, post } from './bench-stack';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '5000' },
    url: { type: 'string', default: 'http://localhost:3000' },
  },
});
const rows = Number(values.rows);
const base = values.url;

async function main(): Promise<void> {
  const { tag, registrar, offeringId } = await benchOffering(base, Math.ceil(rows * 0.8));
  const csv = [
    'email,given name,family name',
    ...Array.from({ length: rows }, (_, n) => `bench-${n}-${tag}@nhs.example,Given${n},Family${n}`),
  ].join('\n');

  let started = Date.now();
  const first = await post(
    base,
    `/api/enrolment/offerings/${offeringId}/enrolments/bulk`,
    registrar,
    csv,
    'text/csv',
  );
  const firstMs = Date.now() - started;
  started = Date.now();
  const again = await post(
    base,
    `/api/enrolment/offerings/${offeringId}/enrolments/bulk`,
    registrar,
    csv,
    'text/csv',
  );
  const againMs = Date.now() - started;

  console.log(machine());
  console.log(
    `first upload of ${rows} rows: ${firstMs} ms (enrolled ${first.enrolled}, waitlisted ${first.waitlisted}, invalid ${first.invalid})`,
  );
  console.log(
    `same file again: ${againMs} ms (duplicate ${again.duplicate}, enrolled ${again.enrolled}, waitlisted ${again.waitlisted})`,
  );
}

main().catch((error: unknown) => {
  console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

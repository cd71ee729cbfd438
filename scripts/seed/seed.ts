/**
 * Development data on a running `make up` stack, through the public API:
 *   npm run -s seed
 * A university, two Code4Health partners, three one-day courses with their achievements, an offering of each,
 * eight learners enrolled, attending, marked and ratified (so most hold credentials), and an MSc programme they can
 * claim credit toward. Safe to run again: it makes only what is missing. GATEWAY_URL (default http://localhost:3000).
 */
import { devIdentityProvider } from '../bench/bench-stack';
import { runSeed, type SeedSummary } from './run-seed';

function summaryLines(summary: SeedSummary): string[] {
  return [
    `university ${summary.universityId}; partners ${summary.partnerIds.join(', ')}`,
    ...summary.courses.map((c) => `course ${c.code} ${c.courseId}, offering ${c.offeringId}`),
    `programme MSC-HI ${summary.programmeId}`,
    ...summary.learners.map((l) => `learner ${l.name} <${l.email}> ${l.learnerId}`),
    '',
    'Tokens: npm run -s token -- --role registrar --org <university>',
    '        npm run -s token -- --role partner --org <partner>   (assessor likewise)',
    '        npm run -s token -- --role learner --sub <learner id>',
    'Credentials appear within seconds of the ratification (the credentials service issues them from its events).',
  ];
}

runSeed({
  gatewayUrl: process.env.GATEWAY_URL ?? 'http://localhost:3000',
  identityProvider: devIdentityProvider(),
})
  .then((summary) => {
    for (const line of summaryLines(summary)) console.log(line);
  })
  .catch((error: unknown) => {
    console.error(`seed failed: ${(error as Error).message}`);
    process.exitCode = 1;
  });

import type { DevIdentityProvider } from '@lib/auth';
import { SeedApi } from './seed-api';
import { type SeededCatalogue, seedCatalogue } from './seed-catalogue';
import { type SeededLearner, seedCohorts } from './seed-cohorts';
import { seedProgramme } from './seed-programme';

export interface SeedOptions {
  gatewayUrl: string;
  identityProvider: DevIdentityProvider;
  /** How long to keep retrying before giving up (a stack still starting, facts still travelling). */
  minutes?: number;
}

export interface SeedSummary extends SeededCatalogue {
  learners: SeededLearner[];
  programmeId: string;
}

/** The development data, through the public API only: what a registrar, partners and assessors would do. */
export async function runSeed({
  gatewayUrl,
  identityProvider,
  minutes = 5,
}: SeedOptions): Promise<SeedSummary> {
  const seed = new SeedApi(gatewayUrl, identityProvider, Date.now() + minutes * 60_000);
  const catalogue = await seedCatalogue(seed);
  const learners = await seedCohorts(seed, catalogue);
  const programmeId = await seedProgramme(seed, catalogue.universityId);
  return { ...catalogue, learners, programmeId };
}

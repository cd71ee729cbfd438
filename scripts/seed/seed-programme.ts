import { MODULES, PROGRAMME } from './seed-data';
import type { SeedApi } from './seed-api';

/**
 * The university's MSc, whose core module HI-701 (15 credits) three of the seed's 5-credit micro-credentials stack
 * toward: a learner with all three passes can claim it.
 */
export async function seedProgramme(seed: SeedApi, universityId: string): Promise<string> {
  const registrar = seed.as('registrar', { org: universityId });
  const programme = await seed.findOrCreate<{ id: string; code: string }>(
    registrar,
    '/api/recognition/programmes',
    (found) => found.code === PROGRAMME.code,
    () =>
      registrar.post('/api/recognition/programmes', {
        ...PROGRAMME,
        modules: [
          {
            ...MODULES.stacked,
            rule: {
              combination: 'stacked',
              criteria: [
                { kind: 'properties', minimumLevel: PROGRAMME.level, fieldOfStudy: 'Health informatics' },
              ],
            },
          },
          MODULES.dissertation,
        ],
      }),
  );
  return programme.id;
}

import { asReal } from '@lib/fakes';
import type { OfferingsRepository } from '../offerings/offerings.repository';
import { details, enrolmentWorld } from '../testing/enrolment-world';
import { openOffering, partner, PARTNER } from '../testing/in-memory-offerings';
import type { PlacementIntentsRepository } from './placement-intents.repository';
import { PlacementSweeper } from './placement-sweeper';

describe('PlacementSweeper', () => {
  function sweeperOf(world: ReturnType<typeof enrolmentWorld>): PlacementSweeper {
    return new PlacementSweeper(
      asReal<PlacementIntentsRepository>(world.placementIntents),
      asReal<OfferingsRepository>(world.offerings),
      world.seats,
    );
  }

  it('leaves no intent behind once a change has placed its enrolments', async () => {
    const world = enrolmentWorld();
    const offering = world.offerings.add(openOffering(2));
    await world.service.enrol(partner, offering._id, { learner: details('ada') });
    expect(world.placementIntents.intents.size).toBe(0);
  });

  it('places the enrolments of a change that stopped before placing them, then drops its intent', async () => {
    const world = enrolmentWorld();
    const offering = world.offerings.add(openOffering(2));
    const [bea] = await world.learners.findOrRegisterMany(partner, [details('bea')], PARTNER);
    const enrolment = {
      _id: '6a4f0f5e-7d1c-4c1e-9d2a-0b6b1f0c2e11',
      offeringId: offering._id,
      learnerId: bea!._id,
      requestedAt: new Date(),
      requestSeq: 0,
      requestedBy: partner.sub,
      source: 'api' as const,
    };
    // The process dies after recording the enrolment, before placing it.
    const crashed = world.seats.change(offering, async () => {
      await world.enrolments.insert(enrolment);
      throw new Error('killed');
    });
    await expect(crashed).rejects.toThrow('killed');
    expect((await world.enrolments.factsFor([enrolment._id])).claims.size).toBe(0);
    expect(world.placementIntents.intents.size).toBe(1);

    await sweeperOf(world).sweepOnce(-1);

    expect((await world.enrolments.factsFor([enrolment._id])).claims.get(enrolment._id)).toMatchObject({
      seat: 1,
    });
    expect(world.placementIntents.intents.size).toBe(0);
  });

  it('keeps intents younger than the wait, as their changes may still be running', async () => {
    const world = enrolmentWorld();
    const offering = world.offerings.add(openOffering(2));
    await world.placementIntents.open(offering._id);
    await sweeperOf(world).sweepOnce(60_000);
    expect(world.placementIntents.intents.size).toBe(1);
  });
});

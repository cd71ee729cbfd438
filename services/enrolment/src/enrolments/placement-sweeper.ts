import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { OfferingsRepository } from '../offerings/offerings.repository';
import { PlacementIntentsRepository } from './placement-intents.repository';
import { SeatAllocator } from './seat-allocator';

/** How often the sweeper looks, and how old an intent must be before it counts as left behind. */
const SWEEP_EVERY_MS = 30_000;
const LEFT_AFTER_MS = 60_000;
const PER_SWEEP = 100;

/**
 * Finishes the placing of changes that did not finish (their process died, or the database lost the placements):
 * at start-up and then every 30 s, it places again each offering with an intent older than a minute, then removes
 * those intents. Placing is idempotent, so placing an offering whose change did finish changes nothing.
 */
@Injectable()
export class PlacementSweeper implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(PlacementSweeper.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly intents: PlacementIntentsRepository,
    private readonly offerings: OfferingsRepository,
    private readonly allocator: SeatAllocator,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweepOnce(), SWEEP_EVERY_MS);
    this.timer.unref();
    void this.sweepOnce();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One pass; a failure (the database away) is logged and the next pass tries again. */
  sweepOnce(leftAfterMs = LEFT_AFTER_MS): Promise<void> {
    this.running ??= this.sweep(leftAfterMs)
      .catch((error: unknown) => this.logger.warn(`placement sweep failed, will retry: ${String(error)}`))
      .finally(() => (this.running = undefined));
    return this.running;
  }

  private async sweep(leftAfterMs: number): Promise<void> {
    const left = await this.intents.leftBefore(new Date(Date.now() - leftAfterMs), PER_SWEEP);
    if (left.length === 0) return;
    const offerings = await this.offerings.findByIds([...new Set(left.map((intent) => intent.offeringId))]);
    for (const offering of offerings) {
      const facts = await this.allocator.resettle(offering);
      this.logger.warn(
        `offering ${offering._id}: placed again after a change that did not finish (${facts.claims.size} seats taken)`,
      );
    }
    await this.intents.close(left.map((intent) => intent._id));
  }
}

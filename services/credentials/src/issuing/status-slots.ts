import { MIN_STATUS_LIST_ENTRIES, randomFreeIndex } from '@lib/vc';
import { Injectable } from '@nestjs/common';
import type { StatusSlot } from './issue-builders';
import { IssuingRepository } from './issuing.repository';

/** Status list bits for new credentials, whichever way they are issued (awards, the VC-API). */
@Injectable()
export class StatusSlots {
  constructor(private readonly issuing: IssuingRepository) {}

  /**
   * A random free index of each list for each credential, claimed by inserts under the unique key `<list>:<index>`
   * in one round trip; the ones another credential took (here or elsewhere, at the same moment) are drawn again.
   */
  async allocate(requests: readonly { listId: string; key: string }[]): Promise<StatusSlot[]> {
    const slots = new Array<StatusSlot>(requests.length);
    let open = requests.map((_, n) => n);
    while (open.length > 0) {
      const drawn = open.map((n) => {
        const { listId, key } = requests[n]!;
        const index = randomFreeIndex(MIN_STATUS_LIST_ENTRIES, new Set());
        return {
          n,
          allocation: {
            _id: `${listId}:${index}`,
            listId,
            index,
            credentialKey: key,
            allocatedAt: new Date(),
          },
        };
      });
      const taken = await this.issuing.allocateMany(drawn.map((d) => d.allocation));
      for (const [m, { n, allocation }] of drawn.entries()) {
        if (taken[m]) slots[n] = { listId: allocation.listId, index: allocation.index };
      }
      open = drawn.filter((_, m) => !taken[m]).map((d) => d.n);
    }
    return slots;
  }
}

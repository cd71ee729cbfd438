import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { TrustListRepository } from './trust-list.repository';
import { HUB_LIST, trustedIssuerId } from './trust-list-keys';

/**
 * At start-up, moves the entries of the one global trust list of earlier versions onto the hub-wide list. That list
 * is what every verification then trusted, and it is what every verification trusts now, so every credential that
 * verified before still does, on the public page and for every awarding body. Who added each entry stays recorded
 * (`addedBy`, `addedByOrganisation`); from now on an admin keeps these entries. Each start looks again (one small
 * scan), so an entry an older instance writes during a rolling upgrade is moved too.
 */
@Injectable()
export class TrustListMigration implements OnApplicationBootstrap {
  private readonly logger = new Logger(TrustListMigration.name);

  constructor(private readonly entries: TrustListRepository) {}

  async onApplicationBootstrap(): Promise<void> {
    const legacy = await this.entries.legacyEntries();
    for (const entry of legacy) {
      await this.entries.moveLegacyEntry(entry, {
        ...entry,
        _id: trustedIssuerId(HUB_LIST, entry._id),
        trustedBy: HUB_LIST,
        issuerId: entry._id,
      });
    }
    if (legacy.length > 0)
      this.logger.log(
        `Moved ${legacy.length} trust-list entries of the one earlier list to the hub-wide list.`,
      );
  }
}

import { emptyStatusList, isoSeconds, setBit, signCredential, statusListCredential } from '@lib/vc';
import { Injectable, NotFoundException } from '@nestjs/common';
import { IssuersService } from '../issuers/issuers.service';
import { issuerOfList, purposeOfList, setIndexes, STATUS_LIST_TTL_MS } from './status-list-rules';
import { StatusChangesRepository } from './status-changes.repository';

/** The Bitstring Status List credentials of our issuers, computed from the status changes and signed on request. */
@Injectable()
export class StatusListsService {
  constructor(
    private readonly issuers: IssuersService,
    private readonly statusChanges: StatusChangesRepository,
  ) {}

  /** The list as a VC-JWT signed by its issuer; 404 when the issuer is not one of ours. */
  async signedList(listId: string): Promise<string> {
    const issuerId = issuerOfList(listId);
    if (!(await this.issuers.isIssuer(issuerId))) throw new NotFoundException(`No status list ${listId}.`);
    const validFrom = isoSeconds(new Date());
    const list = statusListCredential({
      listUrl: `${this.issuers.statusListsUrl()}/${listId}`,
      issuerId: this.issuers.issuerUrl(issuerId),
      purpose: purposeOfList(listId),
      bits: await this.bits(listId, issuerId),
      validFrom,
      ttlMs: STATUS_LIST_TTL_MS,
    });
    return signCredential(list, await this.issuers.signingKey(issuerId));
  }

  private async bits(listId: string, issuerId: string): Promise<Uint8Array> {
    const bits = emptyStatusList();
    for (const index of setIndexes(listId, await this.statusChanges.statusChangesOfIssuer(issuerId))) {
      setBit(bits, index, true);
    }
    return bits;
  }
}

import { emptyStatusList, isoSeconds, setBit, signCredential, statusListCredential } from '@lib/vc';
import { Injectable, NotFoundException } from '@nestjs/common';
import { CredentialMetrics } from '../common/credential-metrics';
import { IssuersService } from '../issuers/issuers.service';
import { issuerOfList, purposeOfList, setIndexes, STATUS_LIST_TTL_MS } from './status-list-rules';
import { StatusChangesRepository } from './status-changes.repository';

/** The Bitstring Status List credentials of our issuers, computed from the status changes and signed on request. */
@Injectable()
export class StatusListsService {
  constructor(
    private readonly issuers: IssuersService,
    private readonly statusChanges: StatusChangesRepository,
    private readonly metrics: CredentialMetrics,
  ) {}

  /** The list as a VC-JWT signed by its issuer; 404 when the issuer is not one of ours. */
  async signedList(listId: string): Promise<string> {
    const issuerId = await this.issuerOf(listId);
    const list = await this.unsigned(listId, issuerId, this.issuers.issuerUrl(issuerId));
    const key = await this.issuers.signingKey(issuerId);
    return this.metrics.signed('jwt', () => signCredential(list, key));
  }

  /**
   * The list as a JSON credential with an eddsa-rdfc-2022 Data Integrity proof, for wallets and suites that read
   * status lists as JSON. Its issuer is the issuer's DID, which controls the proof's verification method.
   */
  async provedList(listId: string): Promise<Record<string, unknown>> {
    const issuerId = await this.issuerOf(listId);
    const list = await this.unsigned(listId, issuerId, this.issuers.issuerDid(issuerId));
    return this.issuers.prove(issuerId, list, list.validFrom);
  }

  private async issuerOf(listId: string): Promise<string> {
    const issuerId = issuerOfList(listId);
    if (!(await this.issuers.isIssuer(issuerId))) throw new NotFoundException(`No status list ${listId}.`);
    return issuerId;
  }

  private async unsigned(listId: string, issuerId: string, issuer: string) {
    return statusListCredential({
      listUrl: `${this.issuers.statusListsUrl()}/${listId}`,
      issuerId: issuer,
      purpose: purposeOfList(listId),
      bits: await this.bits(listId, issuerId),
      validFrom: isoSeconds(new Date()),
      ttlMs: STATUS_LIST_TTL_MS,
    });
  }

  private async bits(listId: string, issuerId: string): Promise<Uint8Array> {
    const bits = emptyStatusList();
    for (const index of setIndexes(listId, await this.statusChanges.statusChangesOfIssuer(issuerId))) {
      setBit(bits, index, true);
    }
    return bits;
  }
}

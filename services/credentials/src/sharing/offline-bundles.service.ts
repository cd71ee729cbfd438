import type { Actor } from '@lib/auth';
import {
  type BundledCredential,
  type BundledDocument,
  didWebDocumentUrl,
  isoSeconds,
  jwtPayloadOf,
  OFFLINE_BUNDLE_TYPE,
  OFFLINE_BUNDLE_VERSION,
  type OfflineBundle,
  sealBundle,
} from '@lib/vc';
import { Injectable } from '@nestjs/common';
import { IssuersService } from '../issuers/issuers.service';
import type { IssuedCredential } from '../issuing/issued-credential.schema';
import { StatusListsService } from '../status-lists/status-lists.service';
import { OwnIssuerLookups } from '../verification/own-issuer-lookups';
import { TrustListService } from '../verification/trust-list.service';
import { SharingService } from './sharing.service';

/**
 * A learner's credential as an offline bundle (libs/vc bundle-format.ts): the credential in both signed forms, and
 * its issuer's keys, status lists, profile and trust-list entry as published now, sealed with the issuer's key.
 */
@Injectable()
export class OfflineBundlesService {
  constructor(
    private readonly sharing: SharingService,
    private readonly issuers: IssuersService,
    private readonly lists: StatusListsService,
    private readonly trustList: TrustListService,
    private readonly own: OwnIssuerLookups,
  ) {}

  async bundle(actor: Actor, credentialId: string): Promise<OfflineBundle> {
    const { issued, dataIntegrity } = await this.sharing.ownWithProof(actor, credentialId);
    return this.sealed(issued.awardingBodyId, [issued.statusListId, issued.suspensionListId], async () => [
      { ...(await this.heldContent(issued)), dataIntegrity },
    ]);
  }

  /**
   * A learner record (CLR 2.0) as an offline bundle: the record in both signed forms first (kind `clr`), then each
   * credential it holds (kind `credential`, as issued, with its hold slot and partner answer), and the body's status
   * lists that the record and each of them point at.
   */
  async recordBundle(
    record: { credentialId: string; jwt: string; awardingBodyId: string; statusListId: string },
    dataIntegrity: Record<string, unknown>,
    held: readonly IssuedCredential[],
  ): Promise<OfflineBundle> {
    const listIds = [
      record.statusListId,
      ...held.flatMap((issued) => [issued.statusListId, issued.suspensionListId]),
    ];
    return this.sealed(record.awardingBodyId, listIds, async () => [
      { kind: 'clr', id: record.credentialId, jwt: record.jwt, dataIntegrity },
      ...(await Promise.all(held.map((issued) => this.heldContent(issued)))),
    ]);
  }

  /** A credential as a bundle holds it: its VC-JWT, its hold slot, and the partner answer as of now. */
  private async heldContent(issued: IssuedCredential): Promise<BundledCredential> {
    const partner = await this.partnerAnswer(issued.jwt, this.issuers.issuerUrl(issued.awardingBodyId));
    return {
      kind: 'credential',
      id: issued.credentialId,
      jwt: issued.jwt,
      hold: { listUrl: this.listUrl(issued.suspensionListId), index: issued.suspensionIndex },
      ...(partner ? { partner } : {}),
    };
  }

  /** The contents with the body's keys, DID document, profile, trust-list entry and these lists, sealed now. */
  private async sealed(
    organisationId: string,
    listIds: readonly string[],
    contentsOf: () => Promise<OfflineBundle['contents']>,
  ): Promise<OfflineBundle> {
    const issuerId = this.issuers.issuerUrl(organisationId);
    const did = this.issuers.issuerDid(organisationId);
    const [keySet, didDocument, profile, trustListEntry, lists, contents] = await Promise.all([
      this.issuers.keySet(),
      this.issuers.didDocument(organisationId),
      this.issuers.profile(organisationId),
      this.trustList.ownEntry(organisationId),
      Promise.all([...new Set(listIds)].map((listId) => this.listDocuments(listId))),
      contentsOf(),
    ]);
    if (!trustListEntry) throw new Error(`awarding body ${organisationId} is not on the trust list`);
    // Taken after the lists were signed, so that each list is valid at the snapshot it is read as of.
    const snapshotAt = isoSeconds(new Date());
    const documents: BundledDocument[] = [
      {
        role: 'jwks',
        url: this.issuers.jwksUrl(),
        mediaType: 'application/jwk-set+json',
        // Only this issuer's keys of the hub's set: the rest are no part of this credential.
        body: JSON.stringify({ keys: keySet.keys.filter((key) => key.iss === issuerId) }),
      },
      {
        role: 'did-document',
        url: didDocumentUrl(did, `${issuerId}/did.json`),
        mediaType: 'application/did+json',
        body: JSON.stringify(didDocument),
      },
      ...lists.flat(),
    ];
    return sealBundle(
      {
        type: OFFLINE_BUNDLE_TYPE,
        version: OFFLINE_BUNDLE_VERSION,
        snapshotAt,
        issuer: { id: issuerId, did, profile, trustListEntry },
        contents,
        documents,
      },
      await this.issuers.signingKey(organisationId),
    );
  }

  private listUrl(listId: string): string {
    return `${this.issuers.statusListsUrl()}/${listId}`;
  }

  /** A status list in both forms its URL serves: the VC-JWT and the JSON with a Data Integrity proof. */
  private async listDocuments(listId: string): Promise<BundledDocument[]> {
    const url = this.listUrl(listId);
    const [jwt, proved] = await Promise.all([this.lists.signedList(listId), this.lists.provedList(listId)]);
    return [
      { role: 'status-list', url, mediaType: 'application/vc+jwt', body: jwt },
      { role: 'status-list', url, mediaType: 'application/vc', body: JSON.stringify(proved) },
    ];
  }

  /** Whether the delivering partner the credential names was authorised, as verification would ask now. */
  private async partnerAnswer(
    jwt: string,
    issuerId: string,
  ): Promise<BundledCredential['partner'] | undefined> {
    const credential = jwtPayloadOf(jwt)!;
    // Our credentials have one subject, with the delivering partner as its `source`.
    const subject = credential.credentialSubject as {
      source?: { id?: unknown };
      achievement?: { id?: unknown };
    };
    const { source, achievement } = subject;
    if (typeof source?.id !== 'string') return undefined;
    const awarded =
      typeof credential.awardedDate === 'string' ? credential.awardedDate : String(credential.validFrom);
    const authorised = await this.own.partnerAuthorised({
      issuerId,
      partnerId: source.id,
      achievementId: String(achievement?.id),
      awardedOn: awarded.slice(0, 10),
    });
    return { partnerId: source.id, authorised };
  }
}

/** Where a verifier resolves the DID; our own URL when the DID cannot be resolved (a test origin's IP address). */
function didDocumentUrl(did: string, fallback: string): string {
  try {
    return didWebDocumentUrl(did);
  } catch {
    return fallback;
  }
}

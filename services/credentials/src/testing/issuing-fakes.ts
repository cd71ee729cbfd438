import { createPrivateKey } from 'node:crypto';
import type { OutboxFields } from '@lib/messaging';
import { generateSigningKey, type SigningKey } from '@lib/vc';
import type { AchievementVersion } from '../achievements/achievement.schema';
import type { AchievementsRepository } from '../achievements/achievements.repository';
import type { AchievementsService } from '../achievements/achievements.service';
import type { IssuersService } from '../issuers/issuers.service';
import type {
  AuthorisationFact,
  OfferingFact,
  OrganisationFact,
  ProgressFact,
} from '../progress/progress.schema';
import type { ProgressRepository } from '../progress/progress.repository';
import type { CredentialStatusService } from '../status-lists/credential-status.service';
import type { AwardHold, IssuedCredential, StatusAllocation } from '../issuing/issued-credential.schema';
import { AWARDING_BODY } from './issuing-factories';
import type { IssuingRepository } from '../issuing/issuing.repository';

// Hand-written in-memory stand-ins for what IssuingService reads and writes, for its unit spec (no database).

/** The public base URL the fakes build issuer, achievement and list URLs from. */
export const BASE = 'https://bridge.example/api/credentials';
const KEY = generateSigningKey('ES256');

/** Progress facts, offerings, organisations and authorisations in arrays and maps. */
export class InMemoryProgress implements Pick<
  ProgressRepository,
  'offering' | 'progressOfMany' | 'authorisationsOf' | 'organisation' | 'offeringsOfCourse' | 'learnersOf'
> {
  readonly offerings = new Map<string, OfferingFact>();
  readonly organisations = new Map<string, OrganisationFact>();
  readonly facts: ProgressFact[] = [];
  readonly authorisations: AuthorisationFact[] = [];

  offering(id: string) {
    return Promise.resolve(this.offerings.get(id) ?? null);
  }
  progressOfMany(pairs: readonly { offeringId: string; learnerId: string }[]) {
    const keyOf = (f: { offeringId: string; learnerId: string }) => `${f.offeringId}:${f.learnerId}`;
    const wanted = new Set(pairs.map(keyOf));
    const found = new Map<string, ProgressFact[]>();
    for (const fact of this.facts.filter((f) => wanted.has(keyOf(f))))
      found.set(keyOf(fact), [...(found.get(keyOf(fact)) ?? []), fact]);
    return Promise.resolve(found);
  }
  authorisationsOf(partnerId: string, courseId: string) {
    return Promise.resolve(
      this.authorisations.filter((a) => a.partnerId === partnerId && a.courseId === courseId),
    );
  }
  organisation(id: string) {
    return Promise.resolve(this.organisations.get(id) ?? null);
  }
  offeringsOfCourse(courseId: string) {
    return Promise.resolve([...this.offerings.values()].filter((o) => o.courseId === courseId));
  }
  learnersOf(offeringIds: string[]) {
    const pairs = this.facts
      .filter((f) => offeringIds.includes(f.offeringId))
      .map((f) => `${f.offeringId}|${f.learnerId}`);
    return Promise.resolve(
      [...new Set(pairs)].map((pair) => {
        const [offeringId, learnerId] = pair.split('|') as [string, string];
        return { offeringId, learnerId };
      }),
    );
  }
}

/** Issued credentials, status allocations and holds, each unique by `_id` like the real collections. */
export class InMemoryIssuing implements Pick<
  IssuingRepository,
  'credentialsByKeys' | 'insertCredentials' | 'allocateMany' | 'insertHolds' | 'listForLearners'
> {
  readonly credentials = new Map<string, IssuedCredential & OutboxFields>();
  /** Each learner's credential keys, as the learner_credentials documents hold them. */
  readonly learnerKeys = new Map<string, Set<string>>();
  readonly allocations = new Map<string, StatusAllocation>();
  readonly holds = new Map<string, AwardHold>();
  /** How many allocations to refuse next, as if another process had just taken those indexes. */
  takenOnce = 0;

  credentialsByKeys(keys: readonly string[]) {
    return Promise.resolve(
      new Map(keys.flatMap((key) => (this.credentials.has(key) ? [[key, this.credentials.get(key)!]] : []))),
    );
  }
  insertCredentials(credentials: (IssuedCredential & OutboxFields)[]) {
    return Promise.resolve(credentials.map((credential) => insertInto(this.credentials, credential)));
  }
  allocateMany(allocations: StatusAllocation[]) {
    return Promise.resolve(
      allocations.map((allocation) => {
        if (this.takenOnce === 0) return insertInto(this.allocations, allocation);
        this.takenOnce -= 1;
        return false;
      }),
    );
  }
  insertHolds(holds: AwardHold[]) {
    return Promise.resolve(holds.map((hold) => insertInto(this.holds, hold)));
  }
  listForLearners(credentials: readonly Pick<IssuedCredential, '_id' | 'learnerId'>[]) {
    for (const { _id, learnerId } of credentials)
      this.learnerKeys.set(learnerId, (this.learnerKeys.get(learnerId) ?? new Set()).add(_id));
    return Promise.resolve();
  }
}

function insertInto<T extends { _id: string }>(map: Map<string, T>, record: T): boolean {
  if (map.has(record._id)) return false;
  map.set(record._id, record);
  return true;
}

export class FakeAchievements implements Pick<AchievementsRepository, 'latestForCourse'> {
  readonly versions: AchievementVersion[] = [];
  latestForCourse(courseId: string) {
    const versions = this.versions
      .filter((v) => v.courseId === courseId)
      .sort((a, b) => b.version - a.version);
    return Promise.resolve(versions[0] ?? null);
  }
}

export class FakeAchievementUrls implements Pick<AchievementsService, 'url'> {
  url(achievementId: string) {
    return `${BASE}/achievements/${achievementId}`;
  }
}

export class FakeIssuers implements Pick<
  IssuersService,
  'isIssuer' | 'profileInput' | 'issuerUrl' | 'statusListsUrl' | 'signingKey'
> {
  readonly issuers = new Set<string>([AWARDING_BODY]);
  isIssuer(issuerId: string) {
    return Promise.resolve(this.issuers.has(issuerId));
  }
  profileInput() {
    return Promise.resolve({ name: 'University of Example', url: 'https://uni.example' });
  }
  issuerUrl(issuerId: string) {
    return `${BASE}/issuers/${issuerId}`;
  }
  statusListsUrl() {
    return `${BASE}/status-lists`;
  }
  signingKey(issuerId: string): Promise<SigningKey> {
    return Promise.resolve({
      algorithm: 'ES256',
      kid: `${BASE}/issuers/${issuerId}/keys/k1`,
      privateKey: createPrivateKey(KEY.privateKeyPem),
    });
  }
}

export class FakeStatuses implements Pick<CredentialStatusService, 'revokeForFailedResult'> {
  readonly revoked: string[] = [];
  revokeForFailedResult(credential: IssuedCredential) {
    this.revoked.push(credential.credentialId);
    return Promise.resolve();
  }
}

import type { Actor } from '@lib/auth';
import { mapPage, type Page, type Pagination, pageOf } from '@lib/persistence';
import { Injectable } from '@nestjs/common';
import { AchievementsRepository } from '../achievements/achievements.repository';
import { ProgressRepository } from '../progress/progress.repository';
import { currentStatus } from '../status-lists/credential-status';
import type { StatusChange } from '../status-lists/status-change.schema';
import { StatusChangesRepository } from '../status-lists/status-changes.repository';
import type { BodyCredentialsQuery } from './body-credentials.dto';
import { bodyCredentialView, credentialView, holdView } from './issued-credential-views';
import type { IssuedCredential } from './issued-credential.schema';
import { IssuingRepository } from './issuing.repository';

/** What was issued or held, as learners and registrars read it. */
@Injectable()
export class IssuedCredentialsService {
  constructor(
    private readonly issuing: IssuingRepository,
    private readonly achievements: AchievementsRepository,
    private readonly progress: ProgressRepository,
    private readonly statusChanges: StatusChangesRepository,
  ) {}

  /** The learner's own credentials, newest first. */
  async ownCredentials(actor: Actor, pagination: Pagination) {
    return mapPage(await this.issuing.credentialsOf(actor.sub, pagination), credentialView);
  }

  /** Awards held for the registrar's awarding body, newest first. */
  async holdsOf(actor: Actor, pagination: Pagination) {
    return mapPage(await this.issuing.holdsOf(actor.org ?? '', pagination), holdView);
  }

  /**
   * The registrar's awarding body's credentials, newest first, by learner and/or course, each with its status now.
   * A course of another body (or one without an achievement) has no credentials of this body: an empty page.
   */
  async bodyCredentials(actor: Actor, query: BodyCredentialsQuery) {
    const { learnerId, courseId, ...pagination } = query;
    const awardingBodyId = actor.org ?? '';
    let achievementId: string | undefined;
    if (courseId) {
      const achievement = await this.achievements.latestForCourse(courseId);
      if (achievement?.awardingBodyId !== awardingBodyId) return pageOf([], pagination);
      achievementId = achievement.achievementId;
    }
    const page = await this.issuing.credentialsOfBody(
      { awardingBodyId, ...(learnerId ? { learnerId } : {}), ...(achievementId ? { achievementId } : {}) },
      pagination,
    );
    return this.withContext(page);
  }

  /** A page's achievement versions, offerings and status changes, one read each, joined to its credentials. */
  private async withContext(page: Page<IssuedCredential>) {
    const credentials = page.items;
    const [versions, offerings, changes] = await Promise.all([
      this.achievements.versionsByKeys(credentials.map((c) => `${c.achievementId}:${c.achievementVersion}`)),
      this.progress.offeringsByIds(credentials.map((c) => c.offeringId)),
      this.statusChanges.statusChangesOfMany(credentials.map((c) => c.credentialId)),
    ]);
    const versionOf = new Map(versions.map((version) => [version._id, version]));
    const offeringOf = new Map(offerings.map((offering) => [offering._id, offering]));
    const changesOf = new Map<string, StatusChange[]>();
    for (const change of changes)
      changesOf.set(change.credentialId, [...(changesOf.get(change.credentialId) ?? []), change]);
    return mapPage(page, (credential) =>
      bodyCredentialView(credential, {
        achievement: versionOf.get(`${credential.achievementId}:${credential.achievementVersion}`),
        offering: offeringOf.get(credential.offeringId),
        status: currentStatus(changesOf.get(credential.credentialId) ?? []),
      }),
    );
  }
}

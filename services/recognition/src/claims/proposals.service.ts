import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  type CredentialWithState,
  KnownCredentialsRepository,
} from '../credentials/known-credentials.repository';
import { LedgerService } from '../ledger/ledger.service';
import type { Programme, ProgrammeModule } from '../programmes/programme.schema';
import { evaluateClaim } from '../rules/evaluate-claim';
import type { CandidateCredential, ModuleSpec, Proposal } from '../rules/types';
import { ourCandidate, uploadedCandidate } from './candidates';
import { ClaimsRepository } from './claims.repository';
import { CredentialVerifier } from './credential-verifier';

export interface UploadedView {
  credentialId: string;
  status: string;
  headline: string;
  course?: string;
}

/**
 * Works out what a learner's credentials are worth in a programme now. A claim sees only what its learner consented
 * to show the programme's awarding body: our credentials that body issued itself, ours the learner put in the claims,
 * and those uploaded to them, verified. Their other credentials, from other awarding bodies, stay out of it.
 */
@Injectable()
export class ProposalsService {
  constructor(
    private readonly known: KnownCredentialsRepository,
    private readonly ledger: LedgerService,
    private readonly verifier: CredentialVerifier,
    private readonly claims: ClaimsRepository,
  ) {}

  async addUpload(claimId: string, jwt: string): Promise<void> {
    const id = `${claimId}:${createHash('sha256').update(jwt).digest('hex')}`;
    await this.claims.insertUpload({ _id: id, claimId, jwt, addedAt: new Date() });
  }

  async propose(
    programme: Programme,
    modules: ProgrammeModule[],
    learnerId: string,
    claimIds: string[],
  ): Promise<{ proposal: Proposal; uploaded: UploadedView[]; chosen: string[] }> {
    const [all, chosen, uploaded, live] = await Promise.all([
      this.known.ofLearner(learnerId),
      this.claims.chosenCredentialsOf(claimIds),
      this.checkedUploads(programme.awardingBodyId, learnerId, claimIds),
      this.ledger.liveCredits(programme._id, learnerId),
    ]);
    const ours = inClaim(all, programme.awardingBodyId, new Set(chosen));
    const oursIds = new Set(ours.map((credential) => credential._id));
    const candidates: CandidateCredential[] = [
      ...ours.map(ourCandidate),
      ...uploaded.filter((u) => !oursIds.has(u.candidate.credentialId)).map((u) => u.candidate),
    ];
    const used = await this.ledger.usedCredentialIds(
      programme._id,
      candidates.map((candidate) => candidate.credentialId),
    );
    const proposal = evaluateClaim({
      modules: modules.map(moduleSpec),
      policy: programme.policy,
      credentials: candidates,
      usedCredentialIds: used,
      creditedModules: new Map(live.map((credit) => [credit.moduleCode, credit.credits])),
      now: new Date(),
    });
    return { proposal, uploaded: uploaded.map((u) => u.view), chosen };
  }

  /** Uploads are verified with the trust of the programme's awarding body: its own trust list and the hub-wide one. */
  private async checkedUploads(awardingBodyId: string, learnerId: string, claimIds: string[]) {
    if (claimIds.length === 0) return [];
    const uploads = await this.claims.uploadsOf(claimIds);
    const email = await this.known.learnerEmail(learnerId);
    const jwts = [...new Set(uploads.map((upload) => upload.jwt))];
    const results = await this.verifier.verifyAll(jwts, email, awardingBodyId);
    return jwts.map((jwt, index) => {
      const result = results[index]!;
      const candidate = uploadedCandidate(jwt, result);
      const view: UploadedView = {
        credentialId: candidate.credentialId,
        status: result.status,
        headline: result.headline,
        ...(result.summary.course ? { course: result.summary.course } : {}),
      };
      return { candidate, view };
    });
  }
}

/** The learner's credentials a claim on a programme of the awarding body may see. */
export function inClaim(
  credentials: readonly CredentialWithState[],
  awardingBodyId: string,
  chosen: ReadonlySet<string>,
): CredentialWithState[] {
  return credentials.filter(
    (credential) => credential.awardingBodyId === awardingBodyId || chosen.has(credential._id),
  );
}

function moduleSpec(module: ProgrammeModule): ModuleSpec {
  return {
    code: module.code,
    title: module.title,
    credits: module.credits,
    level: module.level,
    core: module.core,
    eligible: module.eligible,
    ...(module.rule ? { rule: module.rule } : {}),
  };
}

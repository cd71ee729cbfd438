import { randomUUID } from 'node:crypto';
import type { Actor } from '@lib/auth';
import { KeyedMutex, mapPage, type Page, type Pagination } from '@lib/persistence';
import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import { LedgerService } from '../ledger/ledger.service';
import type { Credit } from '../ledger/ledger.schema';
import type { Programme } from '../programmes/programme.schema';
import { ProgrammesService } from '../programmes/programmes.service';
import type { Claim, Decision } from './claim.schema';
import type { DecisionBody, OpenClaimBody } from './claim.dto';
import { ClaimsRepository } from './claims.repository';
import { ProposalsService } from './proposals.service';

/** A claim as the learner's list shows it. */
export interface ClaimSummary {
  id: string;
  programmeId: string;
  openedAt: string;
}

/** Claims for credit, their proposals, and the exam board's decisions. */
@Injectable()
export class ClaimsService {
  /** One decision at a time per learner and programme in this process, so the cap is applied to what is known. */
  private readonly deciding = new KeyedMutex();

  constructor(
    private readonly claims: ClaimsRepository,
    private readonly programmes: ProgrammesService,
    private readonly proposals: ProposalsService,
    private readonly ledger: LedgerService,
  ) {}

  async open(actor: Actor, body: OpenClaimBody) {
    const isLearner = actor.roles.includes('learner');
    const learnerId = isLearner ? actor.sub : body.learnerId;
    if (!learnerId)
      throw new BadRequestException({
        message: 'Whose claim is it?',
        errors: [{ field: 'learnerId', message: 'is required for a registrar' }],
      });
    if (isLearner && body.learnerId && body.learnerId !== actor.sub)
      throw new ForbiddenException('A learner opens claims for themself only.');
    if (!isLearner && body.credentialIds?.length) throw onlyTheLearnerChooses();
    const programme = isLearner
      ? (await this.programmes.find(body.programmeId)).programme
      : await this.programmes.ownProgramme(actor, body.programmeId);
    const claim: Claim = {
      _id: randomUUID(),
      programmeId: programme._id,
      awardingBodyId: programme.awardingBodyId,
      learnerId,
      openedBy: actor.sub,
      openedAt: new Date(),
      state: 'awaiting-decision',
    };
    await this.claims.addChosenCredentials(claim._id, body.credentialIds ?? []);
    await this.claims.insertClaim(claim);
    for (const jwt of body.externalCredentials) await this.proposals.addUpload(claim._id, jwt);
    return this.view(actor, claim._id);
  }

  async addExternal(actor: Actor, claimId: string, jwt: string) {
    const claim = await this.visibleClaim(actor, claimId);
    await this.proposals.addUpload(claim._id, jwt);
    return this.view(actor, claimId);
  }

  /** The learner puts one of their credentials from this hub in their claim, so the claim's reviewers see it. */
  async addChosen(actor: Actor, claimId: string, credentialId: string) {
    const claim = await this.visibleClaim(actor, claimId);
    if (!actor.roles.includes('learner') || claim.learnerId !== actor.sub) throw onlyTheLearnerChooses();
    await this.claims.addChosenCredentials(claim._id, [credentialId]);
    return this.view(actor, claimId);
  }

  /** The claim with its proposal, worked out now, and the decisions made on it. */
  async view(actor: Actor, claimId: string) {
    const claim = await this.visibleClaim(actor, claimId);
    const { programme, modules } = await this.programmes.find(claim.programmeId);
    const [{ proposal, uploaded, chosen }, decisions] = await Promise.all([
      this.proposals.propose(programme, modules, claim.learnerId, [claim._id]),
      this.claims.decisionsOf(
        claimId,
        modules.map((module) => module.code),
      ),
    ]);
    return {
      id: claim._id,
      programme: { id: programme._id, code: programme.code, title: programme.title },
      learnerId: claim.learnerId,
      openedBy: claim.openedBy,
      openedAt: claim.openedAt.toISOString(),
      chosenCredentialIds: chosen,
      proposal,
      uploaded,
      decisions: decisions.map(({ _id: _key, ...decision }) => ({
        ...decision,
        decidedAt: decision.decidedAt.toISOString(),
      })),
    };
  }

  async listOwn(actor: Actor, pagination: Pagination): Promise<Page<ClaimSummary>> {
    return mapPage(await this.claims.pageOfLearner(actor.sub, pagination), (claim) => ({
      id: claim._id,
      programmeId: claim.programmeId,
      openedAt: claim.openedAt.toISOString(),
    }));
  }

  /** The exam board approves (writing the ledger and the approved event) or rejects one module of a claim. */
  async decide(actor: Actor, claimId: string, body: DecisionBody) {
    const claim = await this.visibleClaim(actor, claimId);
    const programme = await this.programmes.ownProgramme(actor, claim.programmeId);
    const key = `${claimId}:${body.moduleCode}`;
    if (await this.claims.decisionExists(key))
      throw new ConflictException(`Module ${body.moduleCode} of this claim is decided already.`);
    const decidedAt = new Date();
    const creditId =
      body.decision === 'approve'
        ? await this.deciding.run(`${programme._id}:${claim.learnerId}`, () =>
            this.approve(actor, claim, programme, body, decidedAt),
          )
        : undefined;
    const decision: Decision = {
      _id: key,
      claimId,
      moduleCode: body.moduleCode,
      decision: body.decision === 'approve' ? 'approved' : 'rejected',
      reason: body.reason,
      ...(creditId ? { creditId } : {}),
      decidedBy: actor.sub,
      decidedAt,
    };
    if (!(await this.claims.insertDecision(decision)))
      throw new ConflictException(`Module ${body.moduleCode} of this claim is decided already.`);
    await this.settle(claim, decidedAt);
    return { ...decision, _id: undefined, decidedAt: decidedAt.toISOString() };
  }

  /**
   * Once the exam board has decided every module the claim's proposal credits, the claim no longer awaits it. Modules
   * it cannot credit need no decision (refusing each would be busywork); credentials that arrive later go in a new claim.
   */
  private async settle(claim: Claim, decidedAt: Date): Promise<void> {
    const { programme, modules } = await this.programmes.find(claim.programmeId);
    const [{ proposal }, decisions] = await Promise.all([
      this.proposals.propose(programme, modules, claim.learnerId, [claim._id]),
      this.claims.decisionsOf(
        claim._id,
        modules.map((module) => module.code),
      ),
    ]);
    const decided = new Set(decisions.map((decision) => decision.moduleCode));
    const waiting = proposal.modules.filter(
      (module) => module.exempt && !module.alreadyCredited && !decided.has(module.moduleCode),
    );
    if (waiting.length === 0) await this.claims.markDecided(claim._id, decidedAt);
  }

  /** Credits the module when the proposal, worked out now, exempts it; the ledger refuses what is taken. */
  private async approve(
    actor: Actor,
    claim: Claim,
    programme: Programme,
    body: DecisionBody,
    decidedAt: Date,
  ): Promise<string> {
    const { modules } = await this.programmes.find(programme._id);
    const { proposal } = await this.proposals.propose(programme, modules, claim.learnerId, [claim._id]);
    const proposed = proposal.modules.find((module) => module.moduleCode === body.moduleCode);
    if (!proposed) throw new NotFoundException(`No module ${body.moduleCode} in this programme.`);
    if (!proposed.exempt || proposed.alreadyCredited)
      throw new ConflictException(`Module ${body.moduleCode} cannot be approved: ${proposed.explanation}`);
    const module = modules.find((candidate) => candidate.code === body.moduleCode)!;
    const credit: Credit = {
      _id: randomUUID(),
      claimId: claim._id,
      programmeId: programme._id,
      programmeCode: programme.code,
      awardingBodyId: programme.awardingBodyId,
      learnerId: claim.learnerId,
      moduleCode: body.moduleCode,
      credits: proposed.credits,
      level: module.level,
      credentialIds: proposed.credentialIds,
      reason: body.reason,
      decidedBy: actor.sub,
      decidedAt,
    };
    await this.ledger.approve(credit, programme.policy.maxRecognitionCredits);
    return credit._id;
  }

  /** A learner's standing in a programme: what is credited, the cap, and what each other module would need. */
  async standing(actor: Actor, programmeId: string) {
    const { programme, modules } = await this.programmes.find(programmeId);
    const claimIds = await this.claims.claimIdsOf(actor.sub, programmeId);
    const [{ proposal }, live] = await Promise.all([
      this.proposals.propose(programme, modules, actor.sub, claimIds),
      this.ledger.liveCredits(programmeId, actor.sub),
    ]);
    const held = await this.ledger.heldIds(live.map((credit) => credit._id));
    return {
      programme: {
        id: programme._id,
        code: programme.code,
        title: programme.title,
        credits: programme.credits,
      },
      cap: programme.policy.maxRecognitionCredits,
      creditsCredited: live.reduce((sum, credit) => sum + credit.credits, 0),
      credited: live.map((credit) => ({
        moduleCode: credit.moduleCode,
        credits: credit.credits,
        credentialIds: credit.credentialIds,
        onHold: held.has(credit._id),
        decidedAt: credit.decidedAt.toISOString(),
      })),
      remaining: proposal.modules
        .filter((module) => !module.alreadyCredited)
        .map((module) => ({
          moduleCode: module.moduleCode,
          title: modules.find((m) => m.code === module.moduleCode)?.title,
          credits: modules.find((m) => m.code === module.moduleCode)?.credits,
          couldBeCreditedNow: module.exempt,
          ...(module.exempt
            ? { explanation: module.explanation }
            : { needs: module.needs ?? module.explanation }),
        })),
    };
  }

  reviews(actor: Actor) {
    return this.ledger.reviews(actor.org ?? '');
  }

  /** A claim its learner, or a registrar of its awarding body, may see; 404 for anyone else. */
  private async visibleClaim(actor: Actor, claimId: string): Promise<Claim> {
    const claim = await this.claims.findClaim(claimId);
    const visible =
      claim &&
      ((actor.roles.includes('learner') && claim.learnerId === actor.sub) ||
        (actor.roles.includes('registrar') && claim.awardingBodyId === actor.org));
    if (!visible) throw new NotFoundException(`No claim ${claimId} that you can see.`);
    return claim;
  }
}

function onlyTheLearnerChooses(): ForbiddenException {
  return new ForbiddenException({
    message: 'Only the learner puts their credentials in a claim.',
    errors: [{ field: 'credentialIds', message: 'only the claim’s learner may choose credentials' }],
  });
}

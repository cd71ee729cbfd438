import type { Actor } from '@lib/auth';
import { mapConcurrently, type Page } from '@lib/persistence';
import { Injectable } from '@nestjs/common';
import { KnownCredentialsRepository } from '../credentials/known-credentials.repository';
import type { Programme, ProgrammeModule } from '../programmes/programme.schema';
import { ProgrammesService } from '../programmes/programmes.service';
import type { ClaimState } from './claim.schema';
import type { ClaimsQuery } from './claim.dto';
import { ClaimsRepository } from './claims.repository';
import { ProposalsService } from './proposals.service';

/** Proposals worked out at once for one page (each may verify uploads with the credentials service). */
const PROPOSALS_AT_ONCE = 4;

/** A claim as the exam board's list shows it: whose, in which programme, since when, and what it proposes. */
export interface ExamBoardClaim {
  id: string;
  state: ClaimState;
  learner: { id: string; email?: string };
  programme: { id: string; code: string; title: string };
  openedAt: string;
  proposal: { modulesProposed: string[]; creditsProposed: number; modulesDecided: number };
}

/** The exam board's list of its awarding body's claims, oldest waiting first, each with its proposal now. */
@Injectable()
export class ExamBoardClaimsService {
  constructor(
    private readonly claims: ClaimsRepository,
    private readonly programmes: ProgrammesService,
    private readonly proposals: ProposalsService,
    private readonly known: KnownCredentialsRepository,
  ) {}

  async list(actor: Actor, query: ClaimsQuery): Promise<Page<ExamBoardClaim>> {
    const { state, programmeId, ...pagination } = query;
    const page = await this.claims.pageOfBody(
      actor.org ?? '',
      { state, ...(programmeId ? { programmeId } : {}) },
      pagination,
    );
    const programmeIds = [...new Set(page.items.map((claim) => claim.programmeId))];
    const [programmes, emails] = await Promise.all([
      Promise.all(programmeIds.map((id) => this.programmes.find(id))),
      this.known.learnerEmails(page.items.map((claim) => claim.learnerId)),
    ]);
    const byId = new Map(programmes.map((found) => [found.programme._id, found]));
    const items = await mapConcurrently(page.items, PROPOSALS_AT_ONCE, async (claim) => {
      const { programme, modules } = byId.get(claim.programmeId)!;
      const email = emails.get(claim.learnerId);
      return {
        id: claim._id,
        state: claim.state ?? 'awaiting-decision',
        learner: { id: claim.learnerId, ...(email ? { email } : {}) },
        programme: { id: programme._id, code: programme.code, title: programme.title },
        openedAt: claim.openedAt.toISOString(),
        proposal: await this.summary(claim._id, claim.learnerId, programme, modules),
      };
    });
    return { ...page, items };
  }

  /** The modules proposed for exemption and not credited yet, their credits, and how many modules are decided. */
  private async summary(
    claimId: string,
    learnerId: string,
    programme: Programme,
    modules: ProgrammeModule[],
  ) {
    const [{ proposal }, decisions] = await Promise.all([
      this.proposals.propose(programme, modules, learnerId, [claimId]),
      this.claims.decisionsOf(
        claimId,
        modules.map((module) => module.code),
      ),
    ]);
    return {
      modulesProposed: proposal.modules
        .filter((module) => module.exempt && !module.alreadyCredited)
        .map((module) => module.moduleCode),
      creditsProposed: proposal.creditsProposed,
      modulesDecided: decisions.length,
    };
  }
}

import { type CreditApprovedV1, type CreditWithdrawnV1, TOPICS } from '@lib/contracts';
import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { ApprovedCreditsRepository } from './approved-credits.repository';

/** Learns the MSc credit recognition approves (and withdraws), for the learner records that state it. */
@Controller()
export class ApprovedCreditsConsumer {
  constructor(private readonly approved: ApprovedCreditsRepository) {}

  @EventPattern(TOPICS.recognitionCreditApproved)
  async creditApproved(@Payload() credit: CreditApprovedV1): Promise<void> {
    await this.approved.approve(credit.learnerId, {
      creditId: credit.creditId,
      programmeId: credit.programmeId,
      programmeCode: credit.programmeCode,
      moduleCode: credit.moduleCode,
      credits: credit.credits,
      sourceCredentialIds: credit.sourceCredentialIds,
      decidedAt: new Date(credit.decidedAt),
    });
  }

  @EventPattern(TOPICS.recognitionCreditWithdrawn)
  async creditWithdrawn(@Payload() credit: CreditWithdrawnV1): Promise<void> {
    await this.approved.withdraw(credit.learnerId, credit.creditId);
  }
}

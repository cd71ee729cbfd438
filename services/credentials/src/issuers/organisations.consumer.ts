import { type OrganisationRegisteredV1, TOPICS } from '@lib/contracts';
import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { IssuingService } from '../issuing/issuing.service';
import { ProgressRepository } from '../progress/progress.repository';
import { IssuersService } from './issuers.service';

/** Remembers every organisation (partners are named in credentials); awarding bodies become issuers with a key. */
@Controller()
export class OrganisationsConsumer {
  constructor(
    private readonly issuers: IssuersService,
    private readonly progress: ProgressRepository,
    private readonly awards: IssuingService,
  ) {}

  @EventPattern(TOPICS.enrolmentOrganisationRegistered)
  async organisationRegistered(@Payload() organisation: OrganisationRegisteredV1): Promise<void> {
    await this.progress.addOrganisation({
      _id: organisation.organisationId,
      kind: organisation.kind,
      name: organisation.name,
      ...(organisation.url ? { url: organisation.url } : {}),
    });
    if (organisation.kind !== 'awarding-body') return;
    await this.issuers.register(
      {
        _id: organisation.organisationId,
        name: organisation.name,
        ...(organisation.url ? { url: organisation.url } : {}),
        ...(organisation.email ? { email: organisation.email } : {}),
        ...(organisation.ukprn ? { ukprn: organisation.ukprn } : {}),
        createdAt: new Date(organisation.registeredAt),
      },
      organisation.registeredBy,
    );
    await this.awards.evaluateAwardingBody(organisation.organisationId);
  }
}

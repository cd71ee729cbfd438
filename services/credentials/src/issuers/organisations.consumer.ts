import { type OrganisationRegisteredV1, TOPICS } from '@lib/contracts';
import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { IssuersService } from './issuers.service';

/** Every awarding body registered in enrolment becomes an issuer with a signing key. */
@Controller()
export class OrganisationsConsumer {
  constructor(private readonly issuers: IssuersService) {}

  @EventPattern(TOPICS.enrolmentOrganisationRegistered)
  async organisationRegistered(@Payload() organisation: OrganisationRegisteredV1): Promise<void> {
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
  }
}

import { randomUUID } from 'node:crypto';
import type { Actor } from '@lib/auth';
import { organisationRegisteredV1 } from '@lib/contracts';
import { outboxEvent, withOutbox } from '@lib/messaging';
import { mapPage, type Page, type Pagination } from '@lib/persistence';
import { ConflictException, Injectable } from '@nestjs/common';
import { isAdmin, notFound, organisationOf } from '../common/access';
import { EVENT_SOURCE } from '../common/event-source';
import type { RegisterOrganisationBody } from './organisation.dto';
import type { Organisation } from './organisation.schema';
import { OrganisationsRepository } from './organisations.repository';

export interface OrganisationView {
  id: string;
  kind: Organisation['kind'];
  name: string;
  url?: string;
  email?: string;
  ukprn?: string;
  registeredAt: string;
}

@Injectable()
export class OrganisationsService {
  constructor(private readonly organisations: OrganisationsRepository) {}

  async register(actor: Actor, body: RegisterOrganisationBody): Promise<OrganisationView> {
    const record: Organisation = {
      _id: randomUUID(),
      ...body,
      registeredBy: actor.sub,
      registeredAt: new Date(),
    };
    const event = outboxEvent(organisationRegisteredV1, {
      organisationId: record._id,
      ...body,
      registeredBy: actor.sub,
      registeredAt: record.registeredAt.toISOString(),
    });
    if (!(await this.organisations.insert({ ...record, ...withOutbox(EVENT_SOURCE, event) }))) {
      throw new ConflictException(`An organisation named "${body.name}" is registered already.`);
    }
    return toView(record);
  }

  /** Admins see every organisation; everyone else only their own. */
  async get(actor: Actor, id: string): Promise<OrganisationView> {
    if (!isAdmin(actor) && actor.org !== id) throw notFound('organisation', id);
    const organisation = await this.organisations.findById(id);
    if (!organisation) throw notFound('organisation', id);
    return toView(organisation);
  }

  async list(actor: Actor, pagination: Pagination): Promise<Page<OrganisationView>> {
    const page = await this.organisations.list(isAdmin(actor) ? 'all' : [organisationOf(actor)], pagination);
    return mapPage(page, toView);
  }

  /** Organisations' names by id, read by key in one batch (ids not registered are left out). */
  async namesOf(ids: readonly string[]): Promise<Map<string, string>> {
    const found = await this.organisations.findByIds([...new Set(ids)]);
    return new Map(found.map((organisation) => [organisation._id, organisation.name]));
  }

  /** For other features: the organisation, or null. */
  find(id: string): Promise<Organisation | null> {
    return this.organisations.findById(id);
  }
}

function toView(organisation: Organisation): OrganisationView {
  const { _id, registeredBy: _by, registeredAt, ...rest } = organisation;
  return { id: _id, ...rest, registeredAt: registeredAt.toISOString() };
}

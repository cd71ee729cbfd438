import type { Actor } from '@lib/auth';
import { ConflictException, Injectable } from '@nestjs/common';
import { CatalogueRepository } from '../catalogue/catalogue.repository';
import { notFound, notFoundYet, runsOffering } from '../common/access';
import type { CreateSchemeBody } from './scheme.dto';
import type { Scheme } from './scheme.schema';
import { SchemesRepository } from './schemes.repository';

export type SchemeView = Omit<Scheme, '_id' | 'createdBy' | 'createdAt'> & {
  courseId: string;
  createdAt: string;
};

@Injectable()
export class SchemesService {
  constructor(
    private readonly schemes: SchemesRepository,
    private readonly catalogue: CatalogueRepository,
  ) {}

  /** A registrar of the course's awarding body sets how it is assessed, once. */
  async create(actor: Actor, body: CreateSchemeBody): Promise<SchemeView> {
    const course = await this.catalogue.course(body.courseId);
    if (!course || course.awardingBodyId !== actor.org) throw notFoundYet('course', body.courseId);
    const { courseId, ...rest } = body;
    const scheme: Scheme = {
      _id: courseId,
      awardingBodyId: course.awardingBodyId,
      ...rest,
      gradeBands: [...rest.gradeBands].sort((a, b) => b.minMark - a.minMark),
      createdBy: actor.sub,
      createdAt: new Date(),
    };
    if (!(await this.schemes.insert(scheme)))
      throw new ConflictException(`Course ${course.code} has an assessment scheme already.`);
    return toView(scheme);
  }

  /** Staff of the awarding body, or of an organisation delivering the course. */
  async get(actor: Actor, courseId: string): Promise<SchemeView> {
    const scheme = await this.schemes.forCourse(courseId);
    const offerings = scheme ? await this.catalogue.offeringsOfCourse(courseId) : [];
    const visible =
      scheme &&
      (actor.org === scheme.awardingBodyId || offerings.some((offering) => runsOffering(actor, offering)));
    if (!visible) throw notFound('assessment scheme for course', courseId);
    return toView(scheme);
  }
}

function toView(scheme: Scheme): SchemeView {
  const { _id, createdBy: _by, createdAt, ...rest } = scheme;
  return { courseId: _id, ...rest, createdAt: createdAt.toISOString() };
}

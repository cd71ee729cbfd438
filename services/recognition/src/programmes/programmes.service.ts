import { randomUUID } from 'node:crypto';
import type { Actor } from '@lib/auth';
import { mapPage, type Page, type Pagination } from '@lib/persistence';
import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import type { RecognitionRule } from '../rules/types';
import type { ModuleBody, ProgrammeBody } from './programme.dto';
import type { Programme, ProgrammeModule } from './programme.schema';
import { ProgrammesRepository } from './programmes.repository';

export interface ProgrammeView extends Omit<Programme, '_id' | 'createdAt'> {
  id: string;
  createdAt: string;
  modules: Omit<ProgrammeModule, '_id' | 'ruleSetAt'>[];
}

/** A programme as the list shows it. */
export interface ProgrammeSummary {
  id: string;
  code: string;
  title: string;
  credits: number;
  awardingBodyId: string;
}

/** Programmes, their modules and recognition rules; kept by the awarding body's registrars. */
@Injectable()
export class ProgrammesService {
  constructor(private readonly programmes: ProgrammesRepository) {}

  async create(actor: Actor, body: ProgrammeBody): Promise<ProgrammeView> {
    const codes = body.modules.map((module) => module.code);
    if (new Set(codes).size !== codes.length) throw fieldError('modules', 'two modules share a code');
    const cap = body.policy.maxRecognitionCredits ?? Math.floor(body.credits / 3);
    if (cap > body.credits)
      throw fieldError('policy.maxRecognitionCredits', 'is more than the programme’s credits');
    const programme: Programme = {
      _id: randomUUID(),
      code: body.code,
      title: body.title,
      credits: body.credits,
      level: body.level,
      awardingBodyId: actor.org ?? '',
      policy: {
        maxRecognitionCredits: cap,
        recencyYears: body.policy.recencyYears,
        acceptExternal: body.policy.acceptExternal,
      },
      createdBy: actor.sub,
      createdAt: new Date(),
    };
    if (!(await this.programmes.insertProgramme(programme)))
      throw new ConflictException(`Your awarding body has a programme ${body.code} already.`);
    await this.programmes.insertModules(
      programme._id,
      body.modules.map((module) => this.moduleRecord(programme._id, module, actor)),
    );
    return this.view(programme._id);
  }

  async addModule(actor: Actor, programmeId: string, body: ModuleBody): Promise<ProgrammeView> {
    await this.ownProgramme(actor, programmeId);
    if (!(await this.programmes.insertModule(this.moduleRecord(programmeId, body, actor))))
      throw new ConflictException(`The programme has a module ${body.code} already.`);
    return this.view(programmeId);
  }

  async setRule(
    actor: Actor,
    programmeId: string,
    code: string,
    rule: RecognitionRule,
  ): Promise<ProgrammeView> {
    await this.ownProgramme(actor, programmeId);
    const change = { rule, ruleSetBy: actor.sub, ruleSetAt: new Date() };
    if (!(await this.programmes.setRule(programmeId, code, change)))
      throw new NotFoundException(`No module ${code} in this programme.`);
    return this.view(programmeId);
  }

  async list(pagination: Pagination): Promise<Page<ProgrammeSummary>> {
    return mapPage(await this.programmes.page(pagination), (programme) => ({
      id: programme._id,
      code: programme.code,
      title: programme.title,
      credits: programme.credits,
      awardingBodyId: programme.awardingBodyId,
    }));
  }

  async find(programmeId: string): Promise<{ programme: Programme; modules: ProgrammeModule[] }> {
    const [programme, modules] = await Promise.all([
      this.programmes.findProgramme(programmeId),
      this.programmes.modulesOf(programmeId),
    ]);
    if (!programme) throw new NotFoundException(`No programme ${programmeId}.`);
    return { programme, modules };
  }

  async view(programmeId: string): Promise<ProgrammeView> {
    const { programme, modules } = await this.find(programmeId);
    const { _id, createdAt, ...rest } = programme;
    return {
      id: _id,
      ...rest,
      createdAt: createdAt.toISOString(),
      modules: modules.map(({ _id: _moduleId, ruleSetAt: _at, ...module }) => module),
    };
  }

  /** The programme, when the actor is a registrar of its awarding body; 404 otherwise (it is not theirs to see). */
  async ownProgramme(actor: Actor, programmeId: string): Promise<Programme> {
    const programme = actor.org ? await this.programmes.findOwnProgramme(actor.org, programmeId) : null;
    if (!programme) throw new NotFoundException(`No programme ${programmeId} of your awarding body.`);
    return programme;
  }

  private moduleRecord(programmeId: string, body: ModuleBody, actor: Actor): ProgrammeModule {
    return {
      _id: `${programmeId}:${body.code}`,
      programmeId,
      code: body.code,
      title: body.title,
      credits: body.credits,
      level: body.level,
      learningOutcomes: body.learningOutcomes,
      core: body.core,
      eligible: body.eligible,
      ...(body.rule ? { rule: body.rule, ruleSetBy: actor.sub, ruleSetAt: new Date() } : {}),
    };
  }
}

function fieldError(field: string, message: string): BadRequestException {
  return new BadRequestException({ message: 'The programme is not valid.', errors: [{ field, message }] });
}

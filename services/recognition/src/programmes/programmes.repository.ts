import { findPage, insertManyOnce, insertOnce, type Page, type Pagination } from '@lib/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { RecognitionRule } from '../rules/types';
import { MODULE_MODEL, type Programme, PROGRAMME_MODEL, type ProgrammeModule } from './programme.schema';

/** Who set a module's recognition rule, and when. */
export interface RuleChange {
  rule: RecognitionRule;
  ruleSetBy: string;
  ruleSetAt: Date;
}

@Injectable()
export class ProgrammesRepository {
  constructor(
    @InjectModel(PROGRAMME_MODEL) private readonly programmes: Model<Programme>,
    @InjectModel(MODULE_MODEL) private readonly modules: Model<ProgrammeModule>,
  ) {}

  /** False when the awarding body has a programme with that code already. */
  insertProgramme(programme: Programme): Promise<boolean> {
    return insertOnce(this.programmes, programme);
  }

  /** False when the programme has a module with that code already. */
  insertModule(module: ProgrammeModule): Promise<boolean> {
    return insertOnce(this.modules, module);
  }

  insertModules(modules: ProgrammeModule[]): Promise<boolean[]> {
    return insertManyOnce(this.modules, modules);
  }

  /** False when the programme has no module with that code. */
  async setRule(programmeId: string, code: string, change: RuleChange): Promise<boolean> {
    const updated = await this.modules.updateOne({ _id: `${programmeId}:${code}` }, change).exec();
    return updated.matchedCount > 0;
  }

  page(pagination: Pagination): Promise<Page<Programme>> {
    return findPage(this.programmes, {}, { code: 1 }, pagination);
  }

  findProgramme(programmeId: string): Promise<Programme | null> {
    return this.programmes.findById(programmeId).lean<Programme>().exec();
  }

  /** The programme when it belongs to that awarding body; null otherwise. */
  async findOwnProgramme(awardingBodyId: string, programmeId: string): Promise<Programme | null> {
    const programme = await this.findProgramme(programmeId);
    return programme?.awardingBodyId === awardingBodyId ? programme : null;
  }

  /** A programme's modules, by code. */
  modulesOf(programmeId: string): Promise<ProgrammeModule[]> {
    return this.modules.find({ programmeId }).sort({ code: 1 }).lean<ProgrammeModule[]>().exec();
  }
}

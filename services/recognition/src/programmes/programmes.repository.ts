import {
  addToIdList,
  findPage,
  ID_LIST_MODEL,
  type IdList,
  idListOf,
  insertManyOnce,
  insertOnce,
  type Page,
  type Pagination,
} from '@lib/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { idListKeys } from '../common/id-list-keys';
import type { RecognitionRule } from '../rules/types';
import { MODULE_MODEL, type Programme, PROGRAMME_MODEL, type ProgrammeModule } from './programme.schema';

/** Who set a module's recognition rule, and when. */
export interface RuleChange {
  rule: RecognitionRule;
  ruleSetBy: string;
  ruleSetAt: Date;
}

/** Programmes and their modules; a programme's modules are listed in a keyed id list, so they are read by `_id`. */
@Injectable()
export class ProgrammesRepository {
  constructor(
    @InjectModel(PROGRAMME_MODEL) private readonly programmes: Model<Programme>,
    @InjectModel(MODULE_MODEL) private readonly modules: Model<ProgrammeModule>,
    @InjectModel(ID_LIST_MODEL) private readonly lists: Model<IdList>,
  ) {}

  /** False when the awarding body has a programme with that code already. */
  insertProgramme(programme: Programme): Promise<boolean> {
    return insertOnce(this.programmes, programme);
  }

  /** False when the programme has a module with that code already. */
  async insertModule(module: ProgrammeModule): Promise<boolean> {
    await addToIdList(this.lists, idListKeys.programmeModules(module.programmeId), [module._id]);
    return insertOnce(this.modules, module);
  }

  /** Modules of one programme. */
  async insertModules(programmeId: string, modules: ProgrammeModule[]): Promise<boolean[]> {
    await addToIdList(
      this.lists,
      idListKeys.programmeModules(programmeId),
      modules.map((module) => module._id),
    );
    return insertManyOnce(this.modules, modules);
  }

  /** False when the programme has no module with that code. */
  async setRule(programmeId: string, code: string, change: RuleChange): Promise<boolean> {
    const updated = await this.modules.updateOne({ _id: `${programmeId}:${code}` }, change).exec();
    return updated.matchedCount > 0;
  }

  /** Catalogue list: scans the programmes (few, and read by anyone signed in), by code. */
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
  async modulesOf(programmeId: string): Promise<ProgrammeModule[]> {
    const ids = await idListOf(this.lists, idListKeys.programmeModules(programmeId));
    if (ids.length === 0) return [];
    return this.modules
      .find({ _id: { $in: ids } })
      .sort({ code: 1 })
      .lean<ProgrammeModule[]>()
      .exec();
  }
}

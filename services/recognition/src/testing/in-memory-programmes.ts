import { pageOf, type Page, type Pagination } from '@lib/persistence';
import type { Programme, ProgrammeModule } from '../programmes/programme.schema';
import type { ProgrammesRepository, RuleChange } from '../programmes/programmes.repository';
import { insertInto } from './insert-into';
import type { PublicOf } from '@lib/fakes';

/** Programmes and modules in maps; a programme's code is unique within its awarding body, as the index says. */
export class InMemoryProgrammes implements PublicOf<ProgrammesRepository> {
  readonly programmes = new Map<string, Programme>();
  readonly modules = new Map<string, ProgrammeModule>();

  insertProgramme(programme: Programme): Promise<boolean> {
    const twin = [...this.programmes.values()].some(
      (other) => other.awardingBodyId === programme.awardingBodyId && other.code === programme.code,
    );
    return Promise.resolve(!twin && insertInto(this.programmes, programme));
  }

  insertModule(module: ProgrammeModule): Promise<boolean> {
    return Promise.resolve(insertInto(this.modules, module));
  }

  insertModules(_programmeId: string, modules: ProgrammeModule[]): Promise<boolean[]> {
    return Promise.resolve(modules.map((module) => insertInto(this.modules, module)));
  }

  setRule(programmeId: string, code: string, change: RuleChange): Promise<boolean> {
    const module = this.modules.get(`${programmeId}:${code}`);
    if (module) this.modules.set(module._id, { ...module, ...change });
    return Promise.resolve(module !== undefined);
  }

  page(pagination: Pagination): Promise<Page<Programme>> {
    const programmes = [...this.programmes.values()].sort((a, b) => a.code.localeCompare(b.code));
    return Promise.resolve(pageOf(programmes, pagination));
  }

  findProgramme(programmeId: string): Promise<Programme | null> {
    return Promise.resolve(this.programmes.get(programmeId) ?? null);
  }

  findOwnProgramme(awardingBodyId: string, programmeId: string): Promise<Programme | null> {
    const programme = this.programmes.get(programmeId);
    return Promise.resolve(programme?.awardingBodyId === awardingBodyId ? programme : null);
  }

  modulesOf(programmeId: string): Promise<ProgrammeModule[]> {
    const modules = [...this.modules.values()]
      .filter((module) => module.programmeId === programmeId)
      .sort((a, b) => a.code.localeCompare(b.code));
    return Promise.resolve(modules);
  }
}

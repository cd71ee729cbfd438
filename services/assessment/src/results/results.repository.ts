import type { OutboxFields } from '@lib/messaging';
import { existingIds, insertOnce, WITHOUT_OUTBOX } from '@lib/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import {
  RATIFICATION_MODEL,
  type Ratification,
  RESULT_RELEASE_MODEL,
  RESULT_VERSION_MODEL,
  type ResultRelease,
  type ResultVersion,
} from './result.schema';

/** Versions with what has happened to them. */
export interface VersionRecords {
  versions: ResultVersion[];
  released: Set<string>;
  ratified: Map<string, Ratification>;
}

@Injectable()
export class ResultsRepository {
  constructor(
    @InjectModel(RESULT_VERSION_MODEL) private readonly versions: Model<ResultVersion>,
    @InjectModel(RESULT_RELEASE_MODEL) private readonly releases: Model<ResultRelease>,
    @InjectModel(RATIFICATION_MODEL) private readonly ratifications: Model<Ratification>,
  ) {}

  /** False when that version exists already (someone else recorded it first). */
  insertVersion(version: ResultVersion): Promise<boolean> {
    return insertOnce(this.versions, version);
  }

  insertRelease(release: ResultRelease & OutboxFields): Promise<boolean> {
    return insertOnce(this.releases, release);
  }

  insertRatification(ratification: Ratification & OutboxFields): Promise<boolean> {
    return insertOnce(this.ratifications, ratification);
  }

  forLearner(offeringId: string, learnerId: string): Promise<VersionRecords> {
    return this.records({ offeringId, learnerId });
  }

  forResult(resultId: string): Promise<VersionRecords> {
    return this.records({ resultId });
  }

  forOffering(offeringId: string): Promise<VersionRecords> {
    return this.records({ offeringId });
  }

  ofLearner(learnerId: string): Promise<VersionRecords> {
    return this.records({ learnerId });
  }

  private async records(
    filter: Partial<Pick<ResultVersion, 'offeringId' | 'learnerId' | 'resultId'>>,
  ): Promise<VersionRecords> {
    const versions = await this.versions
      .find(filter)
      .sort({ attempt: 1, version: 1 })
      .lean<ResultVersion[]>()
      .exec();
    const ids = versions.map((version) => version._id);
    const [released, ratifications] = await Promise.all([
      existingIds(this.releases, ids),
      this.ratifications
        .find({ _id: { $in: ids } }, WITHOUT_OUTBOX)
        .lean<Ratification[]>()
        .exec(),
    ]);
    return {
      versions,
      released,
      ratified: new Map(ratifications.map((ratification) => [ratification._id, ratification])),
    };
  }
}

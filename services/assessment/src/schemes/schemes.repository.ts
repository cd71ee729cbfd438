import { insertOnce } from '@lib/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { type Scheme, SCHEME_MODEL } from './scheme.schema';

@Injectable()
export class SchemesRepository {
  constructor(@InjectModel(SCHEME_MODEL) private readonly model: Model<Scheme>) {}

  /** False when the course has a scheme already. */
  insert(scheme: Scheme): Promise<boolean> {
    return insertOnce(this.model, scheme);
  }

  forCourse(courseId: string): Promise<Scheme | null> {
    return this.model.findById(courseId).lean<Scheme>().exec();
  }
}

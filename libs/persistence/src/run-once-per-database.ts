import type { Model } from 'mongoose';
import { addToIdList, type IdListFieldArgument, type KeyedList } from './id-lists';

/**
 * Runs a start-up job (e.g. listing records written before the id lists existed) once per database. A keyed marker
 * document among the lists (`_id` is `marker`, never an owner's id) says it is done; it is written only after the
 * job finishes, so a crash part way runs the whole job again at the next start: the job must be safe to repeat.
 */
export async function runOncePerDatabase<T extends KeyedList>(
  markers: Model<T>,
  marker: string,
  job: () => Promise<void>,
  ...field: IdListFieldArgument<T>
): Promise<void> {
  if (await markers.exists({ _id: marker }).exec()) return;
  await job();
  await addToIdList(markers, marker, ['done'], ...field);
}

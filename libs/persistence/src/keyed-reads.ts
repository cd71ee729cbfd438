/** Ids per `$in`: the development database checks each candidate against the whole list, so long lists go in parts. */
const IDS_PER_READ = 250;

/** Reads by a list of keys in parts of a few hundred keys, one part after another; the results in one array. */
export async function readInParts<T>(
  keys: readonly string[],
  read: (part: string[]) => Promise<T[]>,
): Promise<T[]> {
  const results: T[] = [];
  for (let start = 0; start < keys.length; start += IDS_PER_READ) {
    results.push(...(await read(keys.slice(start, start + IDS_PER_READ))));
  }
  return results;
}

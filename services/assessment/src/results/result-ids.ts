/** `<offeringId>:<learnerId>:<attempt>:<version>`: the `_id` of a result version and of its release and ratification. */
export function versionIdOf(offeringId: string, learnerId: string, attempt: number, version: number): string {
  return `${offeringId}:${learnerId}:${attempt}:${version}`;
}

/** True when a version id is one of this learner's at this offering. */
export function isVersionIdOf(id: string, offeringId: string, learnerId: string): boolean {
  return id.startsWith(`${offeringId}:${learnerId}:`);
}

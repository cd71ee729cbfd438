/** The `_id` of each kind of id list, by its owner. */
export const idListKeys = {
  /** The versions of every result of a learner, in every offering. */
  learnerResults: (learnerId: string) => `learner-results:${learnerId}`,
  /** The versions of one result (one attempt of a learner at an offering). */
  resultVersions: (resultId: string) => `result-versions:${resultId}`,
  /** The results of an offering, in the order first recorded: the staff list's pages are slices of it. */
  offeringResults: (offeringId: string) => `offering-results:${offeringId}`,
  /**
   * The versions of an offering recorded as provisional (not amendments). Pruned after ratification and re-marking;
   * readers check each against its ratification and newer versions, so a crash between writes cannot miscount.
   */
  offeringProvisional: (offeringId: string) => `offering-provisional:${offeringId}`,
  /** The offerings of an awarding body that have had provisional results: the exam board's queue reads these. */
  bodyProvisionalOfferings: (awardingBodyId: string) => `body-provisional-offerings:${awardingBodyId}`,
  /** The offerings of a course. */
  courseOfferings: (courseId: string) => `course-offerings:${courseId}`,
};

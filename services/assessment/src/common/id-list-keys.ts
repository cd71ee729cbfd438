/** The `_id` of each kind of id list, by its owner. */
export const idListKeys = {
  /** The versions of every result of a learner, in every offering. */
  learnerResults: (learnerId: string) => `learner-results:${learnerId}`,
  /** The versions of one result (one attempt of a learner at an offering). */
  resultVersions: (resultId: string) => `result-versions:${resultId}`,
  /** The offerings of a course. */
  courseOfferings: (courseId: string) => `course-offerings:${courseId}`,
};

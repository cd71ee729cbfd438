import { recordSchema } from '@lib/persistence';

export const RESULT_VERSION_MODEL = 'ResultVersion';
export const RESULT_RELEASE_MODEL = 'ResultRelease';
export const RATIFICATION_MODEL = 'Ratification';
export const RESULT_COLLECTIONS = {
  versions: 'result_versions',
  releases: 'result_releases',
  ratifications: 'ratifications',
} as const;

/**
 * One version of a learner's result for one attempt at an offering. Versions are never changed: a re-mark
 * before ratification is a new provisional version, a change after it an amendment (a new ratified version
 * with who, when and why). `_id` is `<offeringId>:<learnerId>:<attempt>:<version>` (see `versionIdOf`), so two
 * concurrent writers cannot both make the same version. Found by key through the id lists
 * `learner-results:<learnerId>`, `result-versions:<resultId>`, `offering-results:<offeringId>` (result ids) and,
 * while provisional, `offering-provisional:<offeringId>`, written before the version (see `idListKeys`).
 */
export interface ResultVersion {
  _id: string;
  resultId: string;
  offeringId: string;
  learnerId: string;
  courseId: string;
  attempt: number;
  version: number;
  components: { name: string; weight: number; mark: number }[];
  overallMark: number;
  grade: string;
  passed: boolean;
  recordedBy: string;
  recordedAt: Date;
  amendment?: { reason: string; previousVersion: number };
}

/** A version announced on Kafka: written once the learner's enrolment is known, carrying the event; `_id` is the version's. */
export interface ResultRelease {
  _id: string;
  offeringId: string;
  releasedAt: Date;
}

/** The exam board ratified a version; once per version, `_id` is the version's. */
export interface Ratification {
  _id: string;
  offeringId: string;
  ratifiedBy: string;
  ratifiedAt: Date;
}

export const ResultVersionSchema = recordSchema({
  resultId: { type: String, required: true },
  offeringId: { type: String, required: true },
  learnerId: { type: String, required: true },
  courseId: { type: String, required: true },
  attempt: { type: Number, required: true },
  version: { type: Number, required: true },
  components: { type: [{ _id: false, name: String, weight: Number, mark: Number }], required: true },
  overallMark: { type: Number, required: true },
  grade: { type: String, required: true },
  passed: { type: Boolean, required: true },
  recordedBy: { type: String, required: true },
  recordedAt: { type: Date, required: true },
  amendment: { type: { _id: false, reason: String, previousVersion: Number }, required: false },
});

export const ResultReleaseSchema = recordSchema(
  { offeringId: { type: String, required: true }, releasedAt: { type: Date, required: true } },
  { outbox: true },
);

export const RatificationSchema = recordSchema(
  {
    offeringId: { type: String, required: true },
    ratifiedBy: { type: String, required: true },
    ratifiedAt: { type: Date, required: true },
  },
  { outbox: true },
);

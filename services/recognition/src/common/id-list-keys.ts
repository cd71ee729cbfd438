/** The `_id` of each kind of id list, by its owner. */
export const idListKeys = {
  /** Our credentials issued to a learner. */
  learnerCredentials: (learnerId: string) => `learner-credentials:${learnerId}`,
  /** Revocations, suspensions and reinstatements of a learner's credentials. */
  learnerCredentialStatus: (learnerId: string) => `learner-credential-status:${learnerId}`,
  /** A learner's claims, in every programme. */
  learnerClaims: (learnerId: string) => `learner-claims:${learnerId}`,
  /** Our credentials the learner chose to put in a claim: the only ones of another body's the claim sees. */
  claimCredentials: (claimId: string) => `claim-credentials:${claimId}`,
  /** The credentials uploaded to a claim. */
  claimUploads: (claimId: string) => `claim-uploads:${claimId}`,
  /** A programme's modules. */
  programmeModules: (programmeId: string) => `programme-modules:${programmeId}`,
  /** A learner's credit in a programme, withdrawn or not. */
  learnerCredits: (programmeId: string, learnerId: string) => `learner-credits:${programmeId}:${learnerId}`,
  /** Credit resting on a credential, withdrawn or not. */
  credentialCredits: (credentialId: string) => `credential-credits:${credentialId}`,
  /** A credit's holds and releases. */
  creditHolds: (creditId: string) => `credit-holds:${creditId}`,
};

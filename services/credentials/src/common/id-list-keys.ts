/** The `_id` of each kind of id list (libs/persistence id lists) in the credentials database, by its owner. */
export const idListKeys = {
  /** A learner's share links, of every purpose. */
  learnerShareLinks: (learnerId: string) => `learner-share-links:${learnerId}`,
  /** The share links of one credential, of every purpose. */
  credentialShareLinks: (credentialId: string) => `credential-share-links:${credentialId}`,
  /** Every status change of an awarding body's credentials: what its status lists are computed from. */
  issuerStatusChanges: (awardingBodyId: string) => `issuer-status-changes:${awardingBodyId}`,
};

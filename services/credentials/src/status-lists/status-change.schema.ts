import { recordSchema } from '@lib/persistence';

export const STATUS_CHANGE_MODEL = 'StatusChange';
export const STATUS_CHANGES_COLLECTION = 'status_changes';

export type StatusAction = 'revoke' | 'suspend' | 'reinstate';

/**
 * One change of a credential's status, with who, when and why. `_id` is `<credentialId>:<n>`: the n-th change of
 * that credential can be made once, so two registrars acting at once cannot both change it. The list bits are
 * computed from these records.
 */
export interface StatusChange {
  _id: string;
  credentialId: string;
  awardingBodyId: string;
  action: StatusAction;
  reason?: string;
  statusListId: string;
  statusIndex: number;
  /** An award's suspension bit; none for a credential issued through the VC-API, which can only be revoked. */
  suspensionListId?: string;
  suspensionIndex?: number;
  changedBy: string;
  changedAt: Date;
}

export const StatusChangeSchema = recordSchema(
  {
    credentialId: { type: String, required: true },
    awardingBodyId: { type: String, required: true },
    action: { type: String, required: true },
    reason: String,
    statusListId: { type: String, required: true },
    statusIndex: { type: Number, required: true },
    suspensionListId: String,
    suspensionIndex: Number,
    changedBy: { type: String, required: true },
    changedAt: { type: Date, required: true },
  },
  { outbox: true },
);
StatusChangeSchema.index({ credentialId: 1 });

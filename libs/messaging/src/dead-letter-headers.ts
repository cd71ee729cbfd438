/** Headers a dead letter carries besides the original message's own, saying why and where from. */
export const DLQ_HEADERS = {
  reason: 'dlq_reason',
  kind: 'dlq_kind',
  originalTopic: 'dlq_original_topic',
  originalPartition: 'dlq_original_partition',
  originalOffset: 'dlq_original_offset',
  consumerGroup: 'dlq_consumer_group',
  attempts: 'dlq_attempts',
  failedAt: 'dlq_failed_at',
  firstFailedAt: 'dlq_first_failed_at',
} as const;

/** `invalid`: failed the contract; `rejected`: the handler said it can never succeed; `poison`: retries ran out. */
export type DeadLetterKind = 'invalid' | 'rejected' | 'poison';

export function isDeadLetterHeader(name: string): boolean {
  return name.startsWith('dlq_');
}

import type { KafkaMessage } from 'kafkajs';

/**
 * Which messages of a Kafka batch are done (handled, already processed, or dead-lettered), so the consumer resolves
 * only the offsets before the first message that is not: everything after it is fetched again once the partition
 * resumes, and events handled meanwhile are skipped by their processed markers.
 */
export class BatchProgress {
  private readonly done = new Set<string>();

  constructor(private readonly messages: readonly KafkaMessage[]) {}

  markDone(offset: string): void {
    this.done.add(offset);
  }

  /** The last offset of the unbroken run of done messages from the start of the batch, if any. */
  doneThrough(): string | undefined {
    let through: string | undefined;
    for (const { offset } of this.messages) {
      if (!this.done.has(offset)) break;
      through = offset;
    }
    return through;
  }

  /** The first message that is not done, where the partition resumes. */
  firstPending(): string | undefined {
    return this.messages.find(({ offset }) => !this.done.has(offset))?.offset;
  }
}

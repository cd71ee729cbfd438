/** Every worker is busy and the queue is full: the caller should come back later. */
export class PoolBusyError extends Error {
  constructor(readonly capacity: number) {
    super(`all workers are busy and ${capacity} tasks are running or waiting`);
  }
}

/** The task ran past its time limit; its worker was terminated and is replaced. */
export class TaskTimeoutError extends Error {
  constructor(readonly limitMs: number) {
    super(`the task ran longer than ${limitMs} ms`);
  }
}

/** The task's worker ran out of its memory limit and was replaced. */
export class TaskMemoryError extends Error {
  constructor(readonly limitMb: number) {
    super(`the task needed more than ${limitMb} MB`);
  }
}

/** The task threw, or its worker stopped for another reason (a fault of ours, not of the input). */
export class TaskFailedError extends Error {}

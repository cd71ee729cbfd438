/** What the pool sends a worker thread: one task at a time. */
export interface TaskMessage {
  id: number;
  task: string;
  input: unknown;
}

/** What a worker thread answers: that it is ready for tasks, or a task's outcome. */
export type WorkerMessage =
  { ready: true } | { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };

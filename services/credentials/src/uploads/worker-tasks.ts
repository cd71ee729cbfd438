import { parentPort } from 'node:worker_threads';
import type { TaskMessage, WorkerMessage } from './worker-messages';

/** A worker thread's tasks by name: each takes the input the pool was given and returns a cloneable value. */
export type TaskHandlers = Record<string, (input: never) => unknown>;

/**
 * Runs in a worker thread: answers the pool's tasks one at a time with their handler's value, or the message of
 * what it threw, then says it is ready.
 */
export function serveTasks(handlers: TaskHandlers): void {
  const port = parentPort;
  if (!port) throw new Error('serveTasks runs in a worker thread');
  const answer = async ({ id, task, input }: TaskMessage): Promise<WorkerMessage> => {
    try {
      const handler = handlers[task];
      if (!handler) throw new Error(`no task named ${task}`);
      return { id, ok: true, value: await handler(input as never) };
    } catch (error) {
      return { id, ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  };
  port.on('message', (message: TaskMessage) => {
    void answer(message).then((reply) => port.postMessage(reply));
  });
  port.postMessage({ ready: true } satisfies WorkerMessage);
}

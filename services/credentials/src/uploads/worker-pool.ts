import { Worker } from 'node:worker_threads';
import type { TaskMessage, WorkerMessage } from './worker-messages';
import { PoolBusyError, TaskFailedError, TaskMemoryError, TaskTimeoutError } from './worker-pool-errors';
import { workerScript } from './worker-script';

export interface WorkerPoolOptions {
  /** The worker's module (`serveTasks` in it): its .js file, or its .ts source under jest. */
  readonly module: string;
  /** Worker threads; none start until the first task, then all of them, and each one ended is replaced. */
  readonly workers: number;
  /** Tasks that may wait for a worker; beyond that the pool refuses at once. */
  readonly queueLimit: number;
  /** Each worker's JavaScript heap (V8's old generation); a task that needs more ends its worker. */
  readonly memoryLimitMb: number;
}

interface Task {
  readonly message: TaskMessage;
  readonly timeLimitMs: number;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: Error) => void;
}

interface Slot {
  readonly worker: Worker;
  ready: boolean;
  task?: Task;
  timer?: NodeJS.Timeout;
}

/**
 * A small, bounded pool of worker threads for work too costly or too hostile for the event loop (parsing uploads).
 * Each task runs under a time limit, after which its worker is terminated and replaced; a task that exhausts its
 * worker's memory limit fails the same way. At most `workers` tasks run and `queueLimit` wait; more are refused.
 */
export class WorkerPool {
  private readonly slots = new Set<Slot>();
  private readonly queue: Task[] = [];
  private nextId = 1;
  private closed = false;

  constructor(private readonly options: WorkerPoolOptions) {}

  /** Runs a task of the worker's by name; rejects with the pool's errors (busy, time, memory, failed). */
  run<T>(task: string, input: unknown, timeLimitMs: number): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (this.closed) return reject(new TaskFailedError('the pool is closed'));
      const capacity = this.options.workers + this.options.queueLimit;
      if (this.running() + this.queue.length >= capacity) return reject(new PoolBusyError(capacity));
      const message = { id: this.nextId++, task, input };
      this.queue.push({ message, timeLimitMs, resolve: resolve as (value: unknown) => void, reject });
      this.pump();
    });
  }

  /** Ends every worker; tasks running or waiting fail. */
  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.queue.splice(0)) task.reject(new TaskFailedError('the pool is closed'));
    const workers = [...this.slots].map((slot) => slot.worker);
    for (const slot of this.slots) this.retire(slot, new TaskFailedError('the pool is closed'));
    await Promise.all(workers.map((worker) => worker.terminate()));
  }

  /**
   * Hands waiting tasks to idle workers. A task that finds none starts the pool's missing workers, all of them: a pool
   * in use keeps every worker loaded, so one ended by a hostile upload leaves others ready.
   */
  private pump(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (slot.ready && !slot.task) this.dispatch(slot, this.queue.shift()!);
    }
    if (this.queue.length > 0) while (this.slots.size < this.options.workers) this.start();
  }

  private running(): number {
    return [...this.slots].filter((slot) => slot.task).length;
  }

  private start(): void {
    const { filename, argv } = workerScript(this.options.module);
    const worker = new Worker(filename, {
      argv,
      resourceLimits: { maxOldGenerationSizeMb: this.options.memoryLimitMb },
    });
    // Idle workers never keep the process alive; a running task's promise is what waits.
    worker.unref();
    const slot: Slot = { worker, ready: false };
    this.slots.add(slot);
    worker.on('message', (message: WorkerMessage) => this.answered(slot, message));
    worker.on('error', (error: Error & { code?: string }) =>
      this.stopped(
        slot,
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? new TaskMemoryError(this.options.memoryLimitMb)
          : new TaskFailedError(`the worker failed: ${error.message}`),
      ),
    );
    worker.on('exit', (code) => this.stopped(slot, new TaskFailedError(`the worker exited with ${code}`)));
  }

  private dispatch(slot: Slot, task: Task): void {
    slot.task = task;
    slot.timer = setTimeout(
      () => this.retire(slot, new TaskTimeoutError(task.timeLimitMs)),
      task.timeLimitMs,
    );
    slot.worker.postMessage(task.message);
  }

  private answered(slot: Slot, message: WorkerMessage): void {
    if (!this.slots.has(slot)) return;
    if ('ready' in message) slot.ready = true;
    else if (slot.task?.message.id === message.id) {
      const task = slot.task;
      clearTimeout(slot.timer);
      slot.task = undefined;
      if (message.ok) task.resolve(message.value);
      else task.reject(new TaskFailedError(message.error));
    }
    this.pump();
  }

  /** A worker that fails before it is ready cannot run anything: the waiting tasks fail rather than respawn it. */
  private stopped(slot: Slot, error: Error): void {
    if (!this.slots.has(slot)) return;
    if (!slot.ready) for (const task of this.queue.splice(0)) task.reject(error);
    this.retire(slot, error);
  }

  /**
   * Takes a worker out of the pool (terminating it) and fails its task; a worker that was serving is replaced at
   * once, so the next task finds one loaded.
   */
  private retire(slot: Slot, error: Error): void {
    if (!this.slots.delete(slot)) return;
    clearTimeout(slot.timer);
    slot.task?.reject(error);
    void slot.worker.terminate();
    if (this.closed) return;
    if (slot.ready) this.start();
    this.pump();
  }
}

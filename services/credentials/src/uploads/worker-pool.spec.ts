import { join } from 'node:path';
import { WorkerPool, type WorkerPoolOptions } from './worker-pool';
import { PoolBusyError, TaskFailedError, TaskMemoryError, TaskTimeoutError } from './worker-pool-errors';

const TEST_WORKER = join(__dirname, '..', 'testing', 'pool-test-worker.ts');
const LONG = 30_000;

type Echo = { input: unknown; threadId: number };

describe('worker pool', () => {
  const pools: WorkerPool[] = [];
  const poolOf = (options: Partial<WorkerPoolOptions> = {}) => {
    const pool = new WorkerPool({
      module: TEST_WORKER,
      workers: 1,
      queueLimit: 4,
      memoryLimitMb: 64,
      ...options,
    });
    pools.push(pool);
    return pool;
  };

  afterEach(async () => {
    await Promise.all(pools.splice(0).map((pool) => pool.close()));
  });

  it('runs tasks in a worker thread and answers what they return or throw', async () => {
    const pool = poolOf();
    const answer = await pool.run<Echo>('echo', { bytes: new Uint8Array([1, 2, 3]) }, LONG);
    expect(answer.input).toEqual({ bytes: new Uint8Array([1, 2, 3]) });
    expect(answer.threadId).toBeGreaterThan(0);
    await expect(pool.run('fail', 'told to fail', LONG)).rejects.toEqual(new TaskFailedError('told to fail'));
    await expect(pool.run('no-such-task', null, LONG)).rejects.toThrow('no task named no-such-task');
  });

  it('ends a task past its time limit and replaces its worker', async () => {
    const pool = poolOf();
    const before = await pool.run<Echo>('echo', 1, LONG);
    const spun = pool.run('spin', null, 300);
    const queued = pool.run<Echo>('echo', 2, LONG);
    await expect(spun).rejects.toEqual(new TaskTimeoutError(300));
    const after = await queued;
    expect(after.input).toBe(2);
    expect(after.threadId).not.toBe(before.threadId);
  });

  it('ends a task that exhausts its memory limit and replaces its worker', async () => {
    const pool = poolOf({ memoryLimitMb: 32 });
    const before = await pool.run<Echo>('echo', 1, LONG);
    await expect(pool.run('hoard', null, LONG)).rejects.toEqual(new TaskMemoryError(32));
    const after = await pool.run<Echo>('echo', 2, LONG);
    expect(after.threadId).not.toBe(before.threadId);
  });

  it('refuses at once when every worker is busy and the queue is full, and serves the queue afterwards', async () => {
    const pool = poolOf({ workers: 2, queueLimit: 2 });
    const spinning = [pool.run('spin', null, 1_000), pool.run('spin', null, 1_000)];
    const waiting = [pool.run<Echo>('echo', 'a', LONG), pool.run<Echo>('echo', 'b', LONG)];
    await expect(pool.run('echo', 'c', LONG)).rejects.toEqual(new PoolBusyError(4));
    for (const spun of spinning) await expect(spun).rejects.toBeInstanceOf(TaskTimeoutError);
    expect((await Promise.all(waiting)).map((answer) => answer.input)).toEqual(['a', 'b']);
    const threads = new Set((await Promise.all(waiting)).map((answer) => answer.threadId));
    expect(threads.size).toBeLessThanOrEqual(2);
  });

  it('fails the waiting tasks, rather than starting it again and again, when the worker cannot start', async () => {
    const pool = poolOf({ module: join(__dirname, 'no-such-worker.ts') });
    const failed = pool.run('echo', 1, LONG);
    await expect(failed).rejects.toBeInstanceOf(TaskFailedError);
    await expect(failed).rejects.toThrow(/the worker failed: Cannot find module .*no-such-worker\.ts/);
  });

  it('fails what is running or waiting when it closes', async () => {
    const pool = poolOf({ workers: 1 });
    const outcomes = Promise.allSettled([pool.run('spin', null, LONG), pool.run('echo', 1, LONG)]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await pool.close();
    expect(await outcomes).toEqual([
      { status: 'rejected', reason: new TaskFailedError('the pool is closed') },
      { status: 'rejected', reason: new TaskFailedError('the pool is closed') },
    ]);
    await expect(pool.run('echo', 2, LONG)).rejects.toEqual(new TaskFailedError('the pool is closed'));
  });
});

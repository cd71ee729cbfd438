import { threadId } from 'node:worker_threads';
import { serveTasks } from '../uploads/worker-tasks';

// A worker for the worker pool's unit spec: tasks that answer, fail, never end, or never stop allocating.
const hoard: number[][] = [];

serveTasks({
  echo: (input: unknown) => ({ input, threadId }),
  fail: (message: string) => {
    throw new Error(message);
  },
  spin: () => {
    for (;;);
  },
  hoard: () => {
    for (;;) hoard.push(Array.from({ length: 100_000 }, (_, i) => i));
  },
});

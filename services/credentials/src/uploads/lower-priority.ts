import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';

/*
 * Imported first by a worker: lowers the thread's scheduling priority (niceness 10) before it loads or parses
 * anything, so that on a busy machine the event loop that answers everyone else gets the CPU first. Linux only
 * (a thread's id is read from /proc); elsewhere the worker keeps its normal priority.
 */
try {
  setPriority(Number(readlinkSync('/proc/thread-self').split('/').pop()), 10);
} catch {
  // Not Linux, or not allowed: the normal priority.
}

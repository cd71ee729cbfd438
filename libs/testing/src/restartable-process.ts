import { rmSync } from 'node:fs';
import { type ChildProcess, spawn } from 'node:child_process';

/** How much of a server's output is kept, to explain a start that failed. */
const OUTPUT_LINES_KEPT = 30;
/** A server that ignores SIGTERM this long is killed, so a spec's clean-up cannot hang. */
const STOP_GRACE_MS = 60000;

/**
 * One server a spec runs as a child process and may stop, kill and start again with the same command line: the same
 * ports and the same data folder, so clients see an outage and then the same server back.
 */
export class RestartableProcess {
  private child: ChildProcess | undefined;
  private exited: Promise<void> = Promise.resolve();
  private output: string[] = [];

  constructor(
    private readonly what: string,
    private readonly command: string,
    private readonly args: readonly string[],
    private readonly isReady: () => Promise<boolean>,
    private readonly readyTimeoutMs = 60000,
  ) {}

  /** Starts the server (again) and waits until it answers; fails with its last output if it exits or never answers. */
  async start(): Promise<void> {
    if (this.running()) return;
    this.output = [];
    const child = spawn(this.command, [...this.args], { stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    for (const stream of [child.stdout, child.stderr]) stream.on('data', (chunk: Buffer) => this.keep(chunk));
    const deadline = Date.now() + this.readyTimeoutMs;
    let lastError = '';
    while (this.running() && Date.now() < deadline) {
      try {
        if (await this.isReady()) return;
      } catch (error) {
        lastError = error instanceof Error ? `: ${error.message}` : '';
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const reason = this.running() ? `did not answer within ${this.readyTimeoutMs} ms${lastError}` : 'exited';
    await this.kill();
    throw new Error(`${this.what} ${reason} during start-up; its last output:\n${this.output.join('\n')}`);
  }

  /** SIGTERM, as an operator's stop: the server shuts down cleanly. Resolves once the process has exited. */
  async stop(): Promise<void> {
    if (!this.running()) return;
    const guard = setTimeout(() => this.child?.kill('SIGKILL'), STOP_GRACE_MS);
    this.child?.kill('SIGTERM');
    await this.exited;
    clearTimeout(guard);
  }

  /** SIGKILL: no shutdown hook runs, as when the process is killed or crashes. Resolves once it has exited. */
  async kill(): Promise<void> {
    if (!this.running()) return;
    this.child?.kill('SIGKILL');
    await this.exited;
  }

  private running(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  private keep(chunk: Buffer): void {
    this.output.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    if (this.output.length > OUTPUT_LINES_KEPT) this.output.splice(0, this.output.length - OUTPUT_LINES_KEPT);
  }
}

/** What a spec does with a server of its own: start it again, stop it, kill it, or stop it and delete its folder. */
export interface ServerLifecycle {
  start(): Promise<void>;
  stop(): Promise<void>;
  kill(): Promise<void>;
  remove(): Promise<void>;
}

/** Starts the server (deleting `folder` if it cannot start) and gives its lifecycle; `remove` deletes `folder`. */
export async function startedInFolder(server: RestartableProcess, folder: string): Promise<ServerLifecycle> {
  const removeFolder = () => rmSync(folder, { recursive: true, force: true });
  try {
    await server.start();
  } catch (error) {
    removeFolder();
    throw error;
  }
  return {
    start: () => server.start(),
    stop: () => server.stop(),
    kill: () => server.kill(),
    remove: async () => {
      await server.stop();
      removeFolder();
    },
  };
}

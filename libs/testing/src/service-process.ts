import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, existsSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from './free-port';
import { waitFor } from './wait-for';

export interface ServiceProcess {
  readonly url: string;
  readonly port: number;
  /** SIGKILL: no shutdown hooks run, as when a machine dies. Resolves once the process has exited. */
  kill(): Promise<void>;
  /** SIGTERM: a clean shutdown. Resolves once the process has exited. */
  stop(): Promise<void>;
  /**
   * Starts it again on the same port with the same environment (so a gateway configured with its URL finds it) and
   * waits until `/ready` answers 200; does nothing while it runs.
   */
  start(): Promise<void>;
  running(): boolean;
}

export interface SpawnServiceOptions {
  /** The port to listen on; a free one when left out. */
  port?: number;
  /** The process's stdout and stderr are appended here (every start), to read when a spec fails; dropped if left out. */
  logFile?: string;
  /** How long a start may take to answer `/ready` 200 (default a minute). */
  readyTimeoutMs?: number;
}

/** Runs a built service (`dist/`) as a process of its own, for specs that must kill it mid-flight. */
export async function spawnService(
  name: string,
  env: NodeJS.ProcessEnv,
  options: SpawnServiceOptions = {},
): Promise<ServiceProcess> {
  const main = join(__dirname, '..', '..', '..', 'dist', 'services', name, 'src', 'main.js');
  if (!existsSync(main)) throw new Error(`${main} is missing: run \`npm run build\` (make test does)`);
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  let ended: Promise<unknown> = Promise.resolve();
  const running = () => child !== undefined && child.exitCode === null && child.signalCode === null;

  const start = async () => {
    if (running()) return;
    const output = options.logFile ? openSync(options.logFile, 'a') : 'ignore';
    try {
      child = spawn(process.execPath, ['--enable-source-maps', main], {
        // A free port for /metrics too: PORT + 6460 from a free port may be taken, or past 65535.
        env: { ...process.env, METRICS_PORT: '0', ...env, PORT: String(port) },
        stdio: ['ignore', output, output],
      });
    } finally {
      // The child holds its own copy of the descriptor.
      if (typeof output === 'number') closeSync(output);
    }
    const started = child;
    ended = new Promise((resolve) => started.once('exit', resolve));
    await waitFor(
      async () => {
        if (!running()) throw new Error(`${name} exited during start-up`);
        return (await fetch(`${url}/ready`)).ok;
      },
      {
        what: `${name} to be ready on port ${port}`,
        timeoutMs: options.readyTimeoutMs ?? 60000,
        intervalMs: 250,
      },
    );
  };
  const end = async (signal: NodeJS.Signals) => {
    if (running()) child?.kill(signal);
    await ended;
  };
  await start();
  return { url, port, kill: () => end('SIGKILL'), stop: () => end('SIGTERM'), start, running };
}

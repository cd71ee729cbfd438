import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from './free-port';
import { waitFor } from './wait-for';

export interface ServiceProcess {
  readonly url: string;
  /** SIGKILL: no shutdown hooks run, as when a machine dies. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

/** Runs a built service (`dist/`) as a process of its own, for specs that must kill it mid-flight. */
export async function spawnService(name: string, env: NodeJS.ProcessEnv): Promise<ServiceProcess> {
  const main = join(__dirname, '..', '..', '..', 'dist', 'services', name, 'src', 'main.js');
  if (!existsSync(main)) throw new Error(`${main} is missing: run \`npm run build\` (make test does)`);
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [main], {
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(async () => (await fetch(`${url}/ready`)).ok, {
    what: `${name} to be ready`,
    timeoutMs: 60000,
  });
  const ended = new Promise((resolve) => child.once('exit', resolve));
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await ended;
  };
  return { url, kill: () => end('SIGKILL'), stop: () => end('SIGTERM') };
}

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { freePort } from './free-port';
import { RestartableProcess, startedInFolder } from './restartable-process';

/**
 * A database of a spec's own, for specs that take it away: to see `/ready` fail, to see a service ride out an outage,
 * or to check that acknowledged writes survive a SIGKILL. `start()` after `stop()` or `kill()` brings it back on the
 * same port with the same data folder, so connected clients see the same database return.
 */
export interface DatabaseProcess {
  readonly url: string;
  readonly dataDir: string;
  /** Starts it again (same port, same data) and waits until it answers a ping; does nothing while it runs. */
  start(): Promise<void>;
  /** SIGTERM: commits and closes the file, then exits. Resolves once the process has exited. */
  stop(): Promise<void>;
  /** SIGKILL: nothing runs on the way out. Resolves once the process has exited. */
  kill(): Promise<void>;
  /** Stops it and deletes its data folder; for afterAll/finally. */
  remove(): Promise<void>;
}

/**
 * Starts the development database (`deploy/local/mongo-server/mongo-server.sh`, the path `infra.sh
 * database-launcher` prints) on a free port and a fresh folder. `extraArgs` go to the launcher, e.g.
 * `['-durability', 'fsync']`.
 */
export async function startDatabase(
  launcher: string,
  extraArgs: readonly string[] = [],
): Promise<DatabaseProcess> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'credit-bridge-database-'));
  const url = `mongodb://127.0.0.1:${port}`;
  const args = ['-listen', `127.0.0.1:${port}`, '-data', dataDir, ...extraArgs];
  const server = new RestartableProcess(`the database on port ${port}`, launcher, args, () => ping(url));
  return { url, dataDir, ...(await startedInFolder(server, dataDir)) };
}

async function ping(url: string): Promise<boolean> {
  const client = new MongoClient(url, { serverSelectionTimeoutMS: 500, connectTimeoutMS: 500 });
  try {
    await client.connect();
    await client.db('admin').command({ ping: 1 });
    return true;
  } finally {
    await client.close();
  }
}

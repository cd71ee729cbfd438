import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { freePort } from './free-port';
import { waitFor } from './wait-for';

/** A database of a spec's own, for specs that must stop it, e.g. to see `/ready` fail. */
export interface DatabaseProcess {
  readonly url: string;
  stop(): Promise<void>;
}

/** Starts the development database (`deploy/local/mongo-server/mongo-server.sh`) on a free port and a fresh folder. */
export async function startDatabase(launcher: string): Promise<DatabaseProcess> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'credit-bridge-database-'));
  const child: ChildProcess = spawn(launcher, ['-listen', `127.0.0.1:${port}`, '-data', dataDir], {
    stdio: 'ignore',
  });
  const url = `mongodb://127.0.0.1:${port}`;
  await waitFor(() => ping(url), { what: `the database on port ${port}` });
  return {
    url,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function ping(url: string): Promise<boolean> {
  const client = new MongoClient(url, { serverSelectionTimeoutMS: 500 });
  try {
    await client.connect();
    await client.db('admin').command({ ping: 1 });
    return true;
  } finally {
    await client.close();
  }
}

import { spawnSync } from 'node:child_process';
import { mkdtempSync, symlinkSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@lib/testing';

const INFRA = join(__dirname, 'infra.sh');

function runInfra(env: NodeJS.ProcessEnv, command = 'start') {
  const result = spawnSync('bash', [INFRA, command], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 60000,
  });
  return { status: result.status, stderr: result.stderr.trim() };
}

/** A PATH with the shell tools the scripts use, and not the one the case is about. */
function pathWithout(missing: string): string {
  const bin = mkdtempSync(join(tmpdir(), 'path-'));
  const tools = [
    'bash',
    'dirname',
    'cat',
    'sha256sum',
    'cut',
    'mkdir',
    'rm',
    'tail',
    'sleep',
    'setsid',
    'node',
    'env',
  ];
  for (const tool of [...tools, 'java', 'mvn', 'go'].filter((t) => t !== missing)) {
    const found = spawnSync('bash', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).stdout.trim();
    if (found) symlinkSync(found, join(bin, tool));
  }
  return bin;
}

describe('deploy/local/infra.sh on bad ground', () => {
  const scratch: string[] = [];
  afterAll(() => scratch.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it.each([
    ['java', "error: 'java' is not installed; it is needed to run the Kafka broker."],
    ['mvn', "error: 'mvn' is not installed; it is needed to download the Kafka jars from Maven Central."],
  ])('fails in one line naming %s when it is missing and nothing is cached', (tool, message) => {
    const cache = mkdtempSync(join(tmpdir(), 'cache-'));
    const bin = pathWithout(tool);
    scratch.push(cache, bin);
    const result = runInfra({ PATH: bin, CREDIT_BRIDGE_CACHE: cache, STACK_NAME: 'spec' });
    expect(result).toEqual({ status: 1, stderr: message });
  });

  it('refuses an occupied port in one line before starting anything', async () => {
    const port = await freePort();
    const holder: Server = createServer();
    await new Promise<void>((resolve) => holder.listen(port, '127.0.0.1', resolve));
    const runDir = mkdtempSync(join(tmpdir(), 'run-'));
    scratch.push(runDir);
    try {
      const env = {
        STACK_NAME: 'spec',
        RUN_DIR: runDir,
        KAFKA_PORT: String(port),
        MONGO_PORT: String(await freePort()),
      };
      expect(runInfra(env)).toEqual({
        status: 1,
        stderr: `error: port ${port} for Kafka is already in use on 127.0.0.1 (not by this stack); stop whatever holds it or set KAFKA_PORT.`,
      });
      expect(
        spawnSync('bash', [INFRA, 'status'], { env: { ...process.env, ...env }, encoding: 'utf8' }).stdout,
      ).toBe('kafka: stopped\ndatabase: stopped\n');
    } finally {
      holder.close();
    }
  });

  it('says which part did not come up and where its log is, and stops what it started', async () => {
    const runDir = mkdtempSync(join(tmpdir(), 'run-'));
    scratch.push(runDir);
    const env = {
      STACK_NAME: 'spec',
      RUN_DIR: runDir,
      MONGO_PORT: '70000',
      KAFKA_PORT: String(await freePort()),
      KAFKA_CONTROLLER_PORT: String(await freePort()),
      READY_TIMEOUT: '20',
    };
    const result = runInfra(env);
    expect(result.status).toBe(1);
    expect(result.stderr.split('\n').at(-1)).toBe(
      `error: database exited during start-up; log: ${runDir}/logs/database.log`,
    );
    expect(
      spawnSync('bash', [INFRA, 'status'], { env: { ...process.env, ...env }, encoding: 'utf8' }).stdout,
    ).toBe('kafka: stopped\ndatabase: stopped\n');
  });
});

import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import type { FaultTarget } from './fault-target';

/** The five services of `make up`. */
export const LOCAL_SERVICES = ['enrolment', 'assessment', 'credentials', 'recognition', 'gateway'] as const;

/** Runs one of the stack's scripts, rejecting with its last lines of stderr when it fails. */
function runScript(root: string, script: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((done, failed) => {
    execFile(resolve(root, script), args, { cwd: root, env, maxBuffer: 2 ** 24 }, (error, _out, stderr) => {
      if (!error) return done();
      const tail = stderr.trim().split('\n').slice(-5).join('\n');
      failed(new Error(`${script} ${args.join(' ')} failed: ${tail || error.message}`));
    });
  });
}

/**
 * The faults on the `make up` stack, through the project's own scripts only (`deploy/local/infra.sh` and
 * `services.sh`), so they touch nothing but that stack's processes, pid files and ports.
 */
export class LocalStackFaults implements FaultTarget {
  readonly services = LOCAL_SERVICES;
  private readonly env: NodeJS.ProcessEnv;

  constructor(
    private readonly root: string,
    stackName = 'dev',
  ) {
    this.env = { ...process.env, STACK_NAME: stackName };
  }

  killService(name: string): Promise<void> {
    return this.serviceScript('kill', name);
  }

  startServices(): Promise<void> {
    return this.serviceScript('start');
  }

  stopKafka(): Promise<void> {
    return this.infra('stop-kafka');
  }

  startKafka(): Promise<void> {
    return this.infra('start-kafka');
  }

  stopDatabase(): Promise<void> {
    return this.infra('stop-database');
  }

  killDatabase(): Promise<void> {
    return this.infra('kill-database');
  }

  startDatabase(): Promise<void> {
    return this.infra('start-database');
  }

  private infra(...args: string[]): Promise<void> {
    return runScript(this.root, 'deploy/local/infra.sh', args, this.env);
  }

  private serviceScript(...args: string[]): Promise<void> {
    return runScript(this.root, 'deploy/local/services.sh', args, this.env);
  }
}

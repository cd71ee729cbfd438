import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { Resource } from './operator-resources';

const ROOT = resolve(__dirname, '../..');

/** A path printed by deploy/local/k8s-tools.sh (which `make test` runs with `install` first). */
function toolPath(which: 'kustomize-path' | 'validator-path'): string {
  const path = execFileSync(join(ROOT, 'deploy/local/k8s-tools.sh'), [which], { encoding: 'utf8' }).trim();
  if (!existsSync(path)) throw new Error(`${path} is missing: run deploy/local/k8s-tools.sh install`);
  return path;
}

export const kustomizePath = () => toolPath('kustomize-path');
export const validatorPath = () => toolPath('validator-path');

/** `kustomize build` of a folder under deploy/k8s, as YAML text. */
export function kustomizeBuild(folder: string): string {
  return execFileSync(kustomizePath(), ['build', join(ROOT, 'deploy/k8s', folder)], {
    encoding: 'utf8',
    maxBuffer: 32 * 1024 * 1024,
  });
}

/** The resources of YAML text, read by PyYAML from the validator's own environment (no YAML package of ours). */
export function parseResources(yaml: string): Resource[] {
  const python = join(dirname(validatorPath()), 'python');
  const json = execFileSync(
    python,
    ['-c', 'import sys, json, yaml; json.dump([d for d in yaml.safe_load_all(sys.stdin) if d], sys.stdout)'],
    { input: yaml, encoding: 'utf8', maxBuffer: 32 * 1024 * 1024 },
  );
  return JSON.parse(json) as Resource[];
}

export interface Validation {
  readonly exitCode: number;
  readonly output: string;
}

/** kubernetes-validate, strict (unknown fields are errors), against one Kubernetes version's API schemas. */
export function validate(yaml: string, kubernetesVersion: string): Validation {
  const file = join(mkdtempSync(join(tmpdir(), 'k8s-')), 'rendered.yaml');
  writeFileSync(file, yaml);
  const run = spawnSync(validatorPath(), ['--strict', '-k', kubernetesVersion, file], { encoding: 'utf8' });
  if (run.error) throw run.error;
  return { exitCode: run.status ?? -1, output: `${run.stdout}${run.stderr}` };
}

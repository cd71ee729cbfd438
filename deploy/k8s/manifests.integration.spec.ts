import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { contractTopics } from '../../scripts/k8s/kafka-topics';
import { OPERATOR_KINDS, type Resource, operatorResourceProblems } from './operator-resources';
import { kustomizeBuild, parseResources, validate } from './rendered-manifests';

/**
 * The manifests as `kubectl apply -k` would send them, rendered by kustomize and checked offline: against the
 * Kubernetes API schemas by kubernetes-validate (both installed by deploy/local/k8s-tools.sh, which `make test`
 * runs), and the operators' resources against the fields their documentation requires.
 */
const FOLDERS = ['base', 'overlays/example-university'];
/** The oldest Kubernetes these manifests are meant for, and the newest whose schemas the validator ships. */
const KUBERNETES_VERSIONS = ['1.30.0', '1.37.0'];
const DOMAIN_SERVICES = ['enrolment', 'assessment', 'credentials', 'recognition'];
const SERVICES = ['gateway', ...DOMAIN_SERVICES];

type Json = Record<string, any>;

const renderedFolders = new Map(FOLDERS.map((folder) => [folder, kustomizeBuild(folder)]));
const rendered = (folder: string): string => renderedFolders.get(folder)!;
const resources = parseResources(rendered('overlays/example-university'));
const ofKind = (kind: string) => resources.filter((resource) => resource.kind === kind) as Json[];
const named = (kind: string, name: string) =>
  ofKind(kind).find((resource) => resource.metadata.name === name)!;
const container = (service: string) => named('Deployment', service).spec.template.spec.containers[0];

describe('the Kubernetes manifests (deploy/k8s)', () => {
  describe.each(FOLDERS)('%s, rendered by kustomize', (folder) => {
    it.each(KUBERNETES_VERSIONS)('validates strictly against the Kubernetes %s API schemas', (version) => {
      const { exitCode, output } = validate(rendered(folder), version);
      expect(output).not.toMatch(/ERROR/);
      expect(exitCode).toBe(0);
      const kinds = parseResources(rendered(folder)).map((resource) => resource.kind);
      const unchecked = [...output.matchAll(/Couldn't find schema for kind (\w+)/g)].map((match) => match[1]);
      // Only the operators' kinds go without a schema: those are checked against their documentation below.
      expect([...new Set(unchecked)].sort()).toEqual(
        [...new Set(kinds.filter((kind) => kind in OPERATOR_KINDS))].sort(),
      );
      const passed = output.match(/ passed for resource /g) ?? [];
      expect(passed).toHaveLength(kinds.filter((kind) => !(kind in OPERATOR_KINDS)).length);
    });
  });

  it('fails the validator on a misspelt field or a wrong type, so a pass means something', () => {
    const yaml = rendered('overlays/example-university');
    const misspelt = validate(yaml.replace('readinessProbe:', 'readinesProbe:'), '1.37.0');
    expect(misspelt.exitCode).not.toBe(0);
    expect(misspelt.output).toMatch(/ERROR.*readinesProbe/);
    const wrongType = validate(yaml.replace(/maxReplicas: 6/, 'maxReplicas: many'), '1.37.0');
    expect(wrongType.exitCode).not.toBe(0);
  });

  it('gives the operators’ resources every field their documentation requires', () => {
    const operated = resources.filter((resource) => resource.kind in OPERATOR_KINDS);
    expect(new Set(operated.map((resource) => resource.kind))).toEqual(new Set(Object.keys(OPERATOR_KINDS)));
    expect(operated.flatMap(operatorResourceProblems)).toEqual([]);
    // And the check itself finds what is missing.
    const kafka = named('Kafka', 'credit-bridge');
    const withoutListeners = { ...kafka, spec: { kafka: { ...kafka.spec.kafka, listeners: [] } } };
    expect(operatorResourceProblems(withoutListeners as Resource).join()).toMatch(
      /spec\.kafka\.listeners\[\]\.name/,
    );
    const zookeeper = { ...kafka, metadata: { ...kafka.metadata, annotations: {} } };
    expect(operatorResourceProblems(zookeeper as Resource).join()).toMatch(/strimzi\.io\/kraft/);
  });

  it('runs Kafka in KRaft on node pools, with topics that can lose a broker and the services’ partitions', () => {
    const pools = ofKind('KafkaNodePool');
    expect(pools.every((pool) => pool.metadata.labels['strimzi.io/cluster'] === 'credit-bridge')).toBe(true);
    expect(pools.flatMap((pool) => pool.spec.roles).sort()).toEqual(['broker', 'controller']);
    const brokers = pools.reduce((sum, pool) => sum + Number(pool.spec.replicas), 0);
    const config = named('ConfigMap', configMapName()).data;
    for (const topic of ofKind('KafkaTopic')) {
      expect(topic.metadata.labels['strimzi.io/cluster']).toBe('credit-bridge');
      // A topic the services create themselves gets the same partitions and replicas.
      expect(topic.spec.partitions).toBe(Number(config.KAFKA_TOPIC_PARTITIONS));
      expect(topic.spec.replicas).toBe(Number(config.KAFKA_TOPIC_REPLICATION_FACTOR));
      expect(topic.spec.replicas).toBeLessThanOrEqual(brokers);
      expect(Number(topic.spec.config['min.insync.replicas'])).toBeLessThan(topic.spec.replicas);
    }
  });

  it('renders exactly the contracts’ topics and their dead-letter topics', () => {
    const topics = ofKind('KafkaTopic').map((topic) => topic.spec.topicName as string);
    expect(topics.sort()).toEqual(contractTopics());
  });

  it('gives every service probes on /ready and /health, an autoscaler within the partitions and a budget', () => {
    const partitions = Number(named('ConfigMap', configMapName()).data.KAFKA_TOPIC_PARTITIONS);
    expect(
      ofKind('Deployment')
        .map((deployment) => deployment.metadata.name)
        .sort(),
    ).toEqual([...SERVICES].sort());
    for (const service of SERVICES) {
      const main = container(service);
      expect(main.livenessProbe.httpGet.path).toBe('/health');
      // The gateway's /ready asks every service behind it (see services/gateway.yaml).
      expect(main.readinessProbe.httpGet.path).toBe(service === 'gateway' ? '/health' : '/ready');
      expect(main.env).toContainEqual({ name: 'SERVICE', value: service });
      const autoscaler = named('HorizontalPodAutoscaler', service);
      expect(autoscaler.spec.scaleTargetRef).toMatchObject({ kind: 'Deployment', name: service });
      expect(autoscaler.spec.minReplicas).toBeGreaterThanOrEqual(2);
      if (service !== 'gateway') expect(autoscaler.spec.maxReplicas).toBeLessThanOrEqual(partitions);
      expect(named('PodDisruptionBudget', service).spec.selector.matchLabels).toEqual(
        named('Deployment', service).spec.selector.matchLabels,
      );
      expect(named('Service', service).spec.type ?? 'ClusterIP').toBe('ClusterIP');
    }
  });

  it('asks for at least the CPU and memory each service used in docs/benchmarks.md', () => {
    const measured = benchmarkPeaks();
    for (const service of SERVICES) {
      const { requests, limits } = container(service).resources;
      const peak = measured[service];
      if (!peak) throw new Error(`docs/benchmarks.md has no figures for ${service}`);
      expect(megabytes(requests.memory)).toBeGreaterThanOrEqual(peak.rssMb);
      expect(megabytes(limits.memory)).toBeGreaterThan(megabytes(requests.memory));
      expect(millicores(requests.cpu)).toBeGreaterThanOrEqual(peak.cpuPercent * 10);
      expect(millicores(limits.cpu)).toBeGreaterThan(millicores(requests.cpu));
    }
  });

  it('lets only the gateway be reached from outside, and metrics only from the monitoring namespace', () => {
    const policies = ofKind('NetworkPolicy');
    const deny = policies.find((policy) => policy.metadata.name === 'services-default-deny')!;
    expect(deny.spec.policyTypes).toEqual(['Ingress', 'Egress']);
    for (const service of SERVICES)
      expect(named('Deployment', service).spec.template.metadata.labels).toMatchObject(
        deny.spec.podSelector.matchLabels,
      );
    const open = policies.filter((policy) =>
      (policy.spec.ingress ?? []).some((rule: Json) => !rule.from || rule.from.length === 0),
    );
    expect(open.map((policy) => policy.spec.podSelector.matchLabels['app.kubernetes.io/name'])).toEqual([
      'gateway',
    ]);
    const metrics = policies.find((policy) => policy.metadata.name === 'metrics-from-monitoring')!;
    expect(metrics.spec.ingress).toEqual([
      {
        from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } }],
        ports: [{ port: 'metrics' }],
      },
    ]);
    const backends = ofKind('Ingress').flatMap((ingress) =>
      ingress.spec.rules.flatMap((rule: Json) =>
        rule.http.paths.map((path: Json) => path.backend.service.name),
      ),
    );
    expect(new Set(backends)).toEqual(new Set(['gateway']));
    for (const service of SERVICES) {
      const template = named('Deployment', service).spec.template;
      expect(template.metadata.annotations).toMatchObject({
        'prometheus.io/port': '9464',
        'prometheus.io/path': '/metrics',
      });
      expect(container(service).ports).toContainEqual({ name: 'metrics', containerPort: 9464 });
    }
  });

  it('gives each service its own MongoDB user and keeps only placeholders in the example Secrets', () => {
    const mongodb = named('MongoDBCommunity', 'credit-bridge-mongodb');
    for (const service of DOMAIN_SERVICES) {
      const user = mongodb.spec.users.find((candidate: Json) => candidate.name === service);
      expect(user.roles).toEqual([{ name: 'readWrite', db: `credit_bridge_${service}` }]);
      const url = container(service).env.find((variable: Json) => variable.name === 'MONGODB_URL');
      expect(url.valueFrom.secretKeyRef).toEqual({
        name: user.connectionStringSecretName,
        key: 'connectionString.standardSrv',
      });
    }
    const backupUser = mongodb.spec.users.find((candidate: Json) => candidate.name === 'backup');
    const backup = named('CronJob', 'mongodb-backup').spec.jobTemplate.spec.template;
    expect(backup.spec.containers[0].env[0].valueFrom.secretKeyRef.name).toBe(
      backupUser.connectionStringSecretName,
    );
    // The replica set's NetworkPolicy lets Credit Bridge's pods in: the backup job is one.
    expect(backup.metadata.labels['app.kubernetes.io/part-of']).toBe('credit-bridge');
    const secrets = ofKind('Secret');
    for (const user of mongodb.spec.users) {
      const secret = secrets.find((candidate) => candidate.metadata.name === user.passwordSecretRef.name)!;
      expect(decoded(secret.data.password)).toMatch(/^REPLACE-ME-/);
    }
    const kek = secrets.find((secret) => secret.metadata.name.startsWith('credentials-kek-'))!;
    const placeholder = decoded(kek.data.CREDENTIALS_KEK);
    expect(placeholder).toMatch(/^REPLACE-ME-/);
    // Not a usable key either: the credentials service refuses anything but base64 of 32 bytes.
    expect(Buffer.from(placeholder, 'base64')).not.toHaveLength(32);
    const provider = secrets.find((secret) => secret.metadata.name.startsWith('identity-provider-'))!;
    expect(decoded(provider.data.AUTH_JWKS_URL)).toContain('REPLACE-ME');
    const credentialsSecrets = container('credentials').envFrom.map((source: Json) => source.secretRef?.name);
    expect(credentialsSecrets).toContain(kek.metadata.name);
  });
});

function configMapName(): string {
  return ofKind('ConfigMap').find((map) => map.metadata.name.startsWith('credit-bridge-config'))!.metadata
    .name;
}

function decoded(base64: string): string {
  return Buffer.from(base64, 'base64').toString('utf8');
}

/** The highest CPU share and peak RSS of each process in docs/benchmarks.md's per-process tables. */
function benchmarkPeaks(): Record<string, { cpuPercent: number; rssMb: number }> {
  const text = readFileSync(resolve(__dirname, '../../docs/benchmarks.md'), 'utf8');
  const peaks: Record<string, { cpuPercent: number; rssMb: number }> = {};
  for (const match of text.matchAll(/^ {2}(\w+)\s+CPU\s+(\d+)% of a core\s+peak RSS\s+(\d+) MB$/gm)) {
    const [name, cpu, rss] = [match[1]!, match[2]!, match[3]!];
    const before = peaks[name] ?? { cpuPercent: 0, rssMb: 0 };
    peaks[name] = {
      cpuPercent: Math.max(before.cpuPercent, Number(cpu)),
      rssMb: Math.max(before.rssMb, Number(rss)),
    };
  }
  return peaks;
}

function megabytes(quantity: string): number {
  const match = /^(\d+)(Mi|Gi)$/.exec(quantity);
  if (!match) throw new Error(`memory ${quantity} is not in Mi or Gi`);
  return (Number(match[1]) * (match[2] === 'Gi' ? 1024 : 1) * 1024 * 1024) / 1e6;
}

function millicores(quantity: string): number {
  return quantity.endsWith('m') ? Number(quantity.slice(0, -1)) : Number(quantity) * 1000;
}

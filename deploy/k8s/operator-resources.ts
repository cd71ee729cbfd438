/**
 * The operators' custom resources cannot be checked by the Kubernetes API schemas (their CRDs are not in any
 * package we can install), so each kind's fields that its operator's documentation requires are listed here, with
 * the page that says so, and checked on the rendered manifests.
 */
export interface Resource {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: { name: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  readonly spec?: unknown;
  readonly [field: string]: unknown;
}

interface RequiredFields {
  readonly apiVersion: string;
  /** The documentation the fields come from. */
  readonly doc: string;
  /** Dotted paths that must hold a value; `[]` means every item of an array, which must not be empty. */
  readonly fields: readonly string[];
  /** Values the documentation fixes for what we run (KRaft with node pools, a replica set). */
  readonly values?: Readonly<Record<string, unknown>>;
}

export const OPERATOR_KINDS: Readonly<Record<string, RequiredFields>> = {
  MongoDBCommunity: {
    apiVersion: 'mongodbcommunity.mongodb.com/v1',
    // Also https://github.com/mongodb/mongodb-kubernetes-operator/blob/master/docs/users.md (the users' table).
    doc: 'https://github.com/mongodb/mongodb-kubernetes-operator/blob/master/docs/deploy-configure.md',
    fields: [
      'spec.members',
      'spec.type',
      'spec.version',
      'spec.security.authentication.modes',
      'spec.users[].name',
      'spec.users[].db',
      'spec.users[].passwordSecretRef.name',
      'spec.users[].roles[].name',
      'spec.users[].roles[].db',
      'spec.users[].scramCredentialsSecretName',
    ],
    values: { 'spec.type': 'ReplicaSet', 'spec.members': 3 },
  },
  Kafka: {
    apiVersion: 'kafka.strimzi.io/v1beta2',
    doc: 'https://strimzi.io/docs/operators/latest/configuring.html#type-KafkaSpec-reference',
    fields: [
      'spec.kafka',
      'spec.kafka.listeners[].name',
      'spec.kafka.listeners[].port',
      'spec.kafka.listeners[].type',
      'spec.kafka.listeners[].tls',
    ],
    // https://strimzi.io/docs/operators/latest/deploying#deploying-kafka-cluster-str: KRaft needs both annotations.
    values: {
      'metadata.annotations.strimzi\\.io/kraft': 'enabled',
      'metadata.annotations.strimzi\\.io/node-pools': 'enabled',
    },
  },
  KafkaNodePool: {
    apiVersion: 'kafka.strimzi.io/v1beta2',
    doc: 'https://strimzi.io/docs/operators/latest/configuring.html#type-KafkaNodePoolSpec-reference',
    fields: ['metadata.labels.strimzi\\.io/cluster', 'spec.replicas', 'spec.roles[]', 'spec.storage.type'],
  },
  KafkaTopic: {
    apiVersion: 'kafka.strimzi.io/v1beta2',
    // The Topic Operator manages only topics labelled with their cluster's name.
    doc: 'https://strimzi.io/docs/operators/latest/configuring.html#type-KafkaTopicSpec-reference',
    fields: ['metadata.labels.strimzi\\.io/cluster', 'spec.topicName', 'spec.partitions', 'spec.replicas'],
  },
};

/** Every value at a dotted path (`a.b[].c`; `\\.` is a dot inside a key), or a problem naming where it is missing. */
function valuesAt(value: unknown, path: string): { values: unknown[]; missing?: string } {
  const keys = path.split(/(?<!\\)\./).map((key) => key.replace(/\\\./g, '.'));
  let current: unknown[] = [value];
  for (const [index, raw] of keys.entries()) {
    const each = raw.endsWith('[]');
    const key = each ? raw.slice(0, -2) : raw;
    const next: unknown[] = [];
    for (const item of current) {
      const field = item && typeof item === 'object' ? (item as Record<string, unknown>)[key] : undefined;
      if (field === undefined || field === null || field === '')
        return { values: [], missing: keys.slice(0, index + 1).join('.') };
      if (each) {
        if (!Array.isArray(field) || field.length === 0) return { values: [], missing: `${key} (empty)` };
        next.push(...(field as unknown[]));
      } else next.push(field);
    }
    current = next;
  }
  return { values: current };
}

/** What an operator resource lacks of its documented required fields; empty when it has them all. */
export function operatorResourceProblems(resource: Resource): string[] {
  const rule = OPERATOR_KINDS[resource.kind];
  const name = `${resource.kind} ${resource.metadata.name}`;
  if (!rule) return [`${name}: not an operator resource we check`];
  const problems: string[] = [];
  if (resource.apiVersion !== rule.apiVersion)
    problems.push(`${name}: apiVersion ${resource.apiVersion}, expected ${rule.apiVersion}`);
  for (const field of rule.fields) {
    const { missing } = valuesAt(resource, field);
    if (missing) problems.push(`${name}: ${shown(field)} is required (${rule.doc}); missing at ${missing}`);
  }
  for (const [field, expected] of Object.entries(rule.values ?? {})) {
    const { values } = valuesAt(resource, field);
    if (values.length !== 1 || values[0] !== expected)
      problems.push(`${name}: ${shown(field)} must be ${JSON.stringify(expected)} (${rule.doc})`);
  }
  return problems;
}

function shown(path: string): string {
  return path.replace(/\\\./g, '.');
}

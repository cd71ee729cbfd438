import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { EVENT_CONTRACTS, deadLetterTopic } from '@lib/contracts';
import { assessmentService } from '../../services/assessment/src/assessment.definition';
import { credentialsService } from '../../services/credentials/src/credentials.definition';
import { enrolmentService } from '../../services/enrolment/src/enrolment.definition';
import { recognitionService } from '../../services/recognition/src/recognition.definition';
import {
  DEFAULT_LAYOUT,
  KAFKA_TOPICS_FILE,
  contractTopics,
  renderKafkaTopics,
} from '../../scripts/k8s/kafka-topics';

const committed = readFileSync(resolve(__dirname, '../..', KAFKA_TOPICS_FILE), 'utf8');

/** The topic names of the committed KafkaTopic resources, read from the YAML text as Strimzi would name them. */
function committedTopicNames(): string[] {
  return [...committed.matchAll(/^ {2}topicName: (\S+)$/gm)].map((match) => match[1]!);
}

describe('the Kafka topics of the Kubernetes manifests', () => {
  it('are the committed output of `npm run -s k8s:topics`, so they cannot drift from libs/contracts', () => {
    expect(committed).toBe(renderKafkaTopics());
  });

  it('name every contract topic and its dead-letter topic, and nothing else', () => {
    const expected = EVENT_CONTRACTS.flatMap((contract) => [contract.topic, deadLetterTopic(contract.topic)]);
    expect(committedTopicNames().sort()).toEqual([...expected].sort());
    expect(committed.match(/^kind: KafkaTopic$/gm)).toHaveLength(expected.length);
  });

  it('are what the four domain services publish, so each created topic is one the services make at start-up', () => {
    const env = { DEV_IDP_DIR: mkdtempSync(join(tmpdir(), 'idp-')) };
    const published = [enrolmentService, assessmentService, credentialsService, recognitionService].flatMap(
      (service) => service(env).publishes,
    );
    expect([...new Set(published)].sort()).toEqual(EVENT_CONTRACTS.map((contract) => contract.topic).sort());
  });

  it('carry the services’ KAFKA_TOPIC_PREFIX when one is given', () => {
    expect(contractTopics('staging.')).toContain('staging.credentials.credential.issued.v1.dlq');
    expect(renderKafkaTopics({ ...DEFAULT_LAYOUT, prefix: 'staging.' })).toContain(
      '  topicName: staging.assessment.result.ratified.v1\n',
    );
  });
});

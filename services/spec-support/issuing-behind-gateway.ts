import { freePort, type RunningService, startTestService, testTopicPrefix } from '@lib/testing';
import { assessmentService } from '../assessment/src/assessment.definition';
import { credentialsService } from '../credentials/src/credentials.definition';
import { enrolmentService } from '../enrolment/src/enrolment.definition';
import { startTestGateway } from './gateway';

/** Enrolment, assessment and credentials behind a gateway that is their public origin, as a verifier meets them. */
export interface IssuingStack {
  enrolment: RunningService;
  assessment: RunningService;
  credentials: RunningService;
  /** The gateway's URL, which the services give as `PUBLIC_BASE_URL` (keys, status lists, share links). */
  origin: string;
  stop(): Promise<void>;
}

export async function startIssuingBehindGateway(): Promise<IssuingStack> {
  const prefix = testTopicPrefix();
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const env = { PUBLIC_BASE_URL: origin };
  const enrolment = await startTestService('enrolment', enrolmentService, { topicPrefix: prefix, env });
  const assessment = await startTestService('assessment', assessmentService, { topicPrefix: prefix, env });
  const credentials = await startTestService('credentials', credentialsService, { topicPrefix: prefix, env });
  const { app: gateway } = await startTestGateway(
    { enrolment: enrolment.url, assessment: assessment.url, credentials: credentials.url },
    port,
  );
  return {
    enrolment,
    assessment,
    credentials,
    origin,
    stop: async () => {
      await gateway.close();
      await credentials.stop();
      await assessment.stop();
      await enrolment.stop();
    },
  };
}

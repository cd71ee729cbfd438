import type { INestApplication } from '@nestjs/common';
import { startGateway } from '../gateway/src/gateway';
import { loadGatewayConfig } from '../gateway/src/gateway-config';

type Upstream = 'enrolment' | 'assessment' | 'credentials' | 'recognition';

/** The gateway in front of a spec's services, on a free port unless the spec needs a known one (a public origin). */
export async function startTestGateway(
  upstreams: Partial<Record<Upstream, string>>,
  port = 0,
  env: Record<string, string> = {},
): Promise<{ app: INestApplication; url: string }> {
  const app = await startGateway(
    loadGatewayConfig({
      NODE_ENV: 'test',
      PORT: String(port),
      HOST: '127.0.0.1',
      ...Object.fromEntries(
        Object.entries(upstreams).map(([name, url]) => [`${name.toUpperCase()}_URL`, url]),
      ),
      ...env,
    }),
  );
  return { app, url: await app.getUrl() };
}

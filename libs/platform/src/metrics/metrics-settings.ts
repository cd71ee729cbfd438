import { z } from 'zod';

/** Where a service serves `/metrics`: a listener of its own, so the public port (and the gateway) never expose it. */
export interface MetricsSettings {
  readonly host: string;
  /** 0: a free port (a service on an ephemeral port, as in the specs). */
  readonly port: number;
}

/** The metrics port is the HTTP port plus this: 3001 → 9461, 3003 → 9463, 3000 (gateway) → 9460. */
export const METRICS_PORT_OFFSET = 6460;

export const metricsVariables = {
  /** The interface `/metrics` listens on; default HOST. In a pod, 0.0.0.0 with a NetworkPolicy for the scraper. */
  METRICS_HOST: z.string().min(1).optional(),
  /** The port of `/metrics`; default PORT + 6460 (a free port when PORT is 0 or above 59075). */
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
};

/** The metrics listener from the validated environment: an explicit setting, else beside the HTTP port. */
export function metricsSettingsOf(e: {
  HOST: string;
  PORT: number;
  METRICS_HOST?: string | undefined;
  METRICS_PORT?: number | undefined;
}): MetricsSettings {
  const beside = e.PORT + METRICS_PORT_OFFSET;
  // A free port when there is no port beside: an ephemeral HTTP port, or one too high to add to.
  const port = e.METRICS_PORT ?? (e.PORT === 0 || beside > 65535 ? 0 : beside);
  return { host: e.METRICS_HOST ?? e.HOST, port };
}

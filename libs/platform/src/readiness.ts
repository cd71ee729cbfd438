/** One dependency `/ready` looks at. */
export interface ReadinessCheck {
  readonly name: string;
  isReady(): Promise<boolean>;
  /** More than up or down, shown under `detail` (e.g. paused partitions and lag). */
  detail?(): unknown;
}

/** Resolves false when the check does not answer in time, so `/ready` never hangs. */
export async function withTimeout(check: Promise<boolean>, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([check.catch(() => false), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

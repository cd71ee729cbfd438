import { type Connection, ConnectionStates } from 'mongoose';

/** Answers whether the database responds within the time limit; used by `/ready`. */
export async function pingDatabase(connection: Connection, timeoutMs = 2000): Promise<boolean> {
  if (connection.readyState !== ConnectionStates.connected || !connection.db) return false;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const ping = connection.db
    .command({ ping: 1 })
    .then(() => true)
    .catch(() => false);
  try {
    return await Promise.race([ping, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

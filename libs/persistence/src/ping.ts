import { type Connection, ConnectionStates } from 'mongoose';

/** Answers whether the database responds; `/ready` bounds the wait, like every readiness check's. */
export async function pingDatabase(connection: Connection): Promise<boolean> {
  if (connection.readyState !== ConnectionStates.connected || !connection.db) return false;
  return connection.db
    .command({ ping: 1 })
    .then(() => true)
    .catch(() => false);
}

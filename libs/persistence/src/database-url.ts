/** The MongoDB connection string of one service's own database on the shared server. */
export function serviceDatabaseUrl(serverUrl: string, databaseName: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${databaseName}`;
  return url.toString();
}

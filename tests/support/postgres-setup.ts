// Vitest globalSetup of the `postgres` project: one cluster for the run, stopped at the end.
import type { TestProject } from 'vitest/node';
import { startCluster } from './postgres.ts';
import type { PostgresCluster } from './postgres.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Set in the `postgres` project only: the suites then run on PostgreSQL. */
    postgres: PostgresCluster | null;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const cluster = await startCluster();
  project.provide('postgres', { host: cluster.host, port: cluster.port, user: cluster.user });
  return () => cluster.stop();
}

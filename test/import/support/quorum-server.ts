/**
 * A second Quorum serving its OParl endpoint on loopback: the seed papers imported (plus the planted records of
 * the API tests: political groups, exempt items), listening on 127.0.0.1 with its public URL set to that address,
 * so every OParl link it writes can be followed by a real HTTP client.
 */
import net from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../../../src/config.ts';
import { createApp } from '../../../src/server/app.ts';
import { paperImporter } from '../../../src/services/paper-importer.ts';
import { apiTestConfig } from '../../api/support/app.ts';
import { plantOpenDataRecords } from '../../api/support/plant.ts';
import { createTestDatabase, type TestDatabase } from '../../support/database.ts';
import { seedsDir } from '../../support/seeds.ts';

export interface QuorumServer {
  database: TestDatabase;
  app: FastifyInstance;
  /** http://127.0.0.1:PORT */
  baseUrl: string;
  systemUrl: string;
  close(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function startQuorumServer(): Promise<QuorumServer> {
  const database = await createTestDatabase();
  const summary = await paperImporter({ database, authorityName: 'Kent County Council', paths: [seedsDir], actor: 'test' });
  if (summary.failed > 0) throw new Error('seed import failed');
  await plantOpenDataRecords(database.db);
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const config: Config = { ...apiTestConfig, port, publicUrl: baseUrl };
  const app = await createApp({ config, database, logger: false });
  await app.listen({ port, host: '127.0.0.1' });
  return {
    database,
    app,
    baseUrl,
    systemUrl: `${baseUrl}/oparl/v1/system`,
    async close() {
      await app.close();
      await database.destroy();
    },
  };
}

/** An app over a database, only for app.inject: how the copy publishes what it copied. */
export async function injectOnlyApp(database: TestDatabase, publicUrl: string): Promise<FastifyInstance> {
  return createApp({ config: { ...apiTestConfig, publicUrl }, database, logger: false });
}

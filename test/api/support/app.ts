/**
 * An app over a database holding the imported seed papers and the planted records, for the API tests.
 */
import type { FastifyInstance } from 'fastify';
import type { Config } from '../../../src/config.ts';
import { paperImporter } from '../../../src/services/paper-importer.ts';
import { createApp } from '../../../src/server/app.ts';
import { createTestDatabase, type TestDatabase } from '../../support/database.ts';
import { seedsDir } from '../../support/seeds.ts';
import { plantOpenDataRecords, type Planted } from './plant.ts';

export const PUBLIC_URL = 'https://democracy.example.gov.uk/quorum';

export const apiTestConfig: Config = {
  dataDir: '/nonexistent',
  papersDir: '/nonexistent',
  port: 0,
  host: '127.0.0.1',
  logLevel: 'silent',
  authorityName: 'Kent County Council',
  holidays: 'england-and-wales',
  publicUrl: PUBLIC_URL,
  dataLicense: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/',
  contactEmail: 'opendata@democracy.example.gov.uk',
};

export interface ApiFixture {
  database: TestDatabase;
  app: FastifyInstance;
  planted: Planted;
  close(): Promise<void>;
}

export async function openApiFixture(): Promise<ApiFixture> {
  const database = await createTestDatabase();
  const summary = await paperImporter({ database, authorityName: 'Kent County Council', paths: [seedsDir], actor: 'test' });
  if (summary.failed > 0)
    throw new Error(
      `seed import failed: ${summary.files
        .filter((file) => file.status === 'failed')
        .map((file) => `${file.file}: ${file.reason}`)
        .join('; ')}`,
    );
  const planted = await plantOpenDataRecords(database.db);
  const app = await createApp({ config: apiTestConfig, database, logger: false });
  return {
    database,
    app,
    planted,
    async close() {
      await app.close();
      await database.destroy();
    },
  };
}

/** The path part of one of our absolute URLs, for app.inject; undefined for URLs elsewhere. */
export function localPath(url: string): string | undefined {
  if (!url.startsWith(`${PUBLIC_URL}/`)) return undefined;
  return url.slice(PUBLIC_URL.length);
}

import type { Config } from '../../src/config.ts';

/** The configuration of portal tests: no data folder or papers of its own, silent logs. */
export const portalConfig: Config = {
  dataDir: '/nonexistent',
  papersDir: '/nonexistent',
  port: 0,
  host: '127.0.0.1',
  logLevel: 'silent',
  authorityName: 'Kent County Council',
  holidays: 'england-and-wales',
};

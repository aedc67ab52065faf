import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('defaults to the embedded engine in ./data, port 3000 and the seed papers', () => {
    const config = loadConfig({}, '/srv/quorum');
    expect(config.databaseUrl).toBeUndefined();
    expect(config.dataDir).toBe('/srv/quorum/data');
    expect(config.papersDir).toBe(path.resolve('/srv/quorum', '../shared/seeds'));
    expect(config.port).toBe(3000);
  });

  it('reads DATABASE_URL, QUORUM_DATA_DIR and PORT', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u@db:5432/q', QUORUM_DATA_DIR: '/var/q', PORT: '8080' }, '/srv');
    expect(config).toMatchObject({ databaseUrl: 'postgres://u@db:5432/q', dataDir: '/var/q', port: 8080 });
  });

  it('fails fast naming every bad variable', () => {
    const attempt = () => loadConfig({ DATABASE_URL: 'mysql://x', PORT: 'eighty', LOG_LEVEL: 'loud' }, '/srv');
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toMatch(/DATABASE_URL: must start with postgres:\/\//);
      expect(message).toMatch(/PORT: /);
      expect(message).toMatch(/LOG_LEVEL: /);
    }
  });
});

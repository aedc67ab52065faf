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

  it('reads whose bank holidays count (QUORUM_HOLIDAYS), England and Wales unless set, naming a wrong one', () => {
    expect(loadConfig({}, '/srv').holidays).toBe('england-and-wales');
    expect(loadConfig({ QUORUM_HOLIDAYS: 'scotland' }, '/srv').holidays).toBe('scotland');
    expect(() => loadConfig({ QUORUM_HOLIDAYS: 'wales' }, '/srv')).toThrow(/QUORUM_HOLIDAYS: must be one of england-and-wales, scotland, northern-ireland/);
  });

  it('reads DATABASE_REPLICA_URL only beside DATABASE_URL, naming it when it is wrong', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@db/q', DATABASE_REPLICA_URL: 'postgres://u@replica/q' }, '/srv').databaseReplicaUrl).toBe(
      'postgres://u@replica/q',
    );
    expect(loadConfig({ DATABASE_URL: 'postgres://u@db/q' }, '/srv').databaseReplicaUrl).toBeUndefined();
    expect(() => loadConfig({ DATABASE_REPLICA_URL: 'postgres://u@replica/q' }, '/srv')).toThrow(/DATABASE_REPLICA_URL: needs DATABASE_URL/);
    expect(() => loadConfig({ DATABASE_URL: 'postgres://u@db/q', DATABASE_REPLICA_URL: 'mysql://replica' }, '/srv')).toThrow(
      /DATABASE_REPLICA_URL: must start with postgres:\/\//,
    );
  });

  it('reads the identity provider only when one is configured, and names what is missing', () => {
    expect(loadConfig({}, '/srv').oidc).toBeUndefined();
    const config = loadConfig(
      { QUORUM_OIDC_ISSUER: 'https://login.example.gov.uk', QUORUM_OIDC_CLIENT_ID: 'quorum', QUORUM_OIDC_CLIENT_SECRET: 's3cret' },
      '/srv',
    );
    expect(config.oidc).toEqual({ issuer: 'https://login.example.gov.uk', clientId: 'quorum', clientSecret: 's3cret', label: 'your council account' });
    expect(() => loadConfig({ QUORUM_OIDC_ISSUER: 'https://login.example.gov.uk' }, '/srv')).toThrow(
      /QUORUM_OIDC_CLIENT_ID: must be set[\s\S]*QUORUM_OIDC_CLIENT_SECRET: must be set/,
    );
    expect(() => loadConfig({ QUORUM_OIDC_ISSUER: 'http://login.example.gov.uk', QUORUM_OIDC_CLIENT_ID: 'q', QUORUM_OIDC_CLIENT_SECRET: 's' }, '/srv')).toThrow(
      /QUORUM_OIDC_ISSUER: must be an https:\/\/ URL/,
    );
  });

  it('reads which proxies to believe, refusing "trust everyone"', () => {
    expect(loadConfig({}, '/srv').trustProxy).toBeUndefined();
    expect(loadConfig({ QUORUM_TRUST_PROXY: '2' }, '/srv').trustProxy).toBe(2);
    expect(loadConfig({ QUORUM_TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }, '/srv').trustProxy).toEqual(['10.0.0.0/8', '127.0.0.1']);
    expect(() => loadConfig({ QUORUM_TRUST_PROXY: 'true' }, '/srv')).toThrow(/QUORUM_TRUST_PROXY: must be a number of proxies, or IP addresses/);
    expect(() => loadConfig({ QUORUM_TRUST_PROXY: '0' }, '/srv')).toThrow(/QUORUM_TRUST_PROXY: must be at least 1/);
  });
});

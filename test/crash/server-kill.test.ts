/**
 * Crash safety of the server: `quorum start` is killed with SIGKILL while a democratic services officer's browser
 * sessions create political groups as fast as it will take them, then started again, a few times over. Every write
 * the server acknowledged (a 303 to the new group's page, which it sends only after the transaction committed) must
 * be there after the restart, with its audit record; nothing that was not asked for may appear; the session cookie
 * issued before the kills (a write too) still signs the officer in.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { databaseUnavailable, testEngine } from '../support/database.ts';
import {
  crashSeed,
  createCrashDatabase,
  freePort,
  killHard,
  quorumEnv,
  runQuorum,
  seededRandom,
  sleep,
  spawnQuorum,
  withTimeout,
  type CrashDatabase,
  type QuorumProcess,
} from './support.ts';

const ROUNDS = 4;
const WORKERS = 6;
const EMAIL = 'officer@crash.example';
const PASSWORD = 'correct horse battery staple';

interface Server {
  process: QuorumProcess;
  base: string;
}

/** Cookies as a browser keeps them (name -> value), for one site. */
class Browser {
  readonly cookies = new Map<string, string>();
  constructor(public base: string) {}

  private keep(response: Response): Response {
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(';');
      const at = pair!.indexOf('=');
      const name = pair!.slice(0, at).trim();
      const value = pair!.slice(at + 1).trim();
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(header)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  private headers(extra: Record<string, string> = {}): Record<string, string> {
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    return { accept: 'text/html', ...(cookie ? { cookie } : {}), ...extra };
  }

  async get(url: string): Promise<Response> {
    return this.keep(await fetch(this.base + url, { headers: this.headers(), redirect: 'manual' }));
  }

  async post(url: string, fields: Record<string, string>): Promise<Response> {
    return this.keep(
      await fetch(this.base + url, {
        method: 'POST',
        body: new URLSearchParams(fields).toString(),
        headers: this.headers({ 'content-type': 'application/x-www-form-urlencoded' }),
        redirect: 'manual',
        signal: AbortSignal.timeout(30_000),
      }),
    );
  }
}

function csrfFrom(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match) throw new Error('no CSRF field on the page');
  return match[1]!.replaceAll('&#39;', "'").replaceAll('&quot;', '"').replaceAll('&amp;', '&');
}

function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

describe.skipIf(databaseUnavailable)(`crash safety: the server killed under write load (${testEngine})`, () => {
  let database: CrashDatabase | undefined;
  let papers: string | undefined;
  let server: Server | undefined;

  afterAll(async () => {
    if (server) await killHard(server.process);
    await database?.destroy();
    if (papers) fs.rmSync(papers, { recursive: true, force: true });
  });

  it(`keeps every acknowledged write through ${ROUNDS} kills`, { timeout: 300_000 }, async () => {
    const random = seededRandom(crashSeed + 1);
    database = await createCrashDatabase();
    const db = database;
    // No papers: the first start imports nothing, so it is quick.
    papers = fs.mkdtempSync(path.join(os.tmpdir(), 'quorum-crash-papers-'));
    const created = await runQuorum(
      ['user', 'create', '--email', EMAIL, '--name', 'Crash Officer', '--role', 'democratic-services', '--password-stdin'],
      quorumEnv(db),
      `${PASSWORD}\n`,
    );
    expect(created.code, created.stderr).toBe(0);

    const start = async (): Promise<Server> => {
      const port = await freePort();
      const started = spawnQuorum(['start'], quorumEnv(db, { PORT: String(port), HOST: '127.0.0.1', QUORUM_PAPERS: papers! }));
      await withTimeout(started.waitForStderr(/Quorum is serving/), 90_000, () => `quorum start did not come up in 90 s:\n${started.stderr()}`);
      return { process: started, base: `http://127.0.0.1:${port}` };
    };

    server = await start();
    const officer = new Browser(server.base);
    const signedIn = await officer.post('/sign-in', { email: EMAIL, password: PASSWORD, _csrf: csrfFrom(await (await officer.get('/sign-in')).text()) });
    expect(signedIn.status).toBe(303);
    // Signing in replaces the CSRF secret: the token is taken from a form of the session.
    const csrf = csrfFrom(await (await officer.get('/admin/political-groups/new')).text());

    const attempted = new Set<string>();
    const acknowledged = new Map<string, string>(); // name -> group id
    const unexpected: string[] = [];
    const log: string[] = [];

    for (let round = 1; round <= ROUNDS; round++) {
      let stop = false;
      let acknowledgedThisRound = 0;
      const worker = async (w: number) => {
        for (let i = 1; !stop; i++) {
          const name = `Crash group ${round}.${w}.${i}`;
          attempted.add(name);
          let response: Response;
          try {
            response = await officer.post('/admin/political-groups/new', { name, abbreviation: `C${w}`, _csrf: csrf });
          } catch {
            return; // the server is gone: this write was never acknowledged
          }
          const location = response.headers.get('location') ?? '';
          const created = /^\/admin\/political-groups\/([^/?]+)$/.exec(location);
          if (response.status === 303 && created) {
            acknowledged.set(name, decodeURIComponent(created[1]!));
            acknowledgedThisRound++;
          } else if (!stop) {
            unexpected.push(`${name}: ${response.status} ${location}`);
          }
          await response.arrayBuffer().catch(() => undefined);
        }
      };
      const workers = Array.from({ length: WORKERS }, (_, w) => worker(w + 1));
      // Kill once some writes have gone through, at a random moment while others are in flight.
      const after = 5 + Math.floor(random() * 40);
      const delay = Math.floor(random() * 300);
      while (acknowledgedThisRound < after && unexpected.length === 0 && server.process.child.exitCode === null) await sleep(5);
      await sleep(delay);
      const { signal } = await killHard(server.process);
      stop = true;
      await Promise.all(workers);
      expect(signal).toBe('SIGKILL');
      expect(unexpected, 'writes refused before the kill').toEqual([]);
      log.push(`round ${round}: killed ${delay} ms after ${after} acknowledged writes; ${acknowledgedThisRound} acknowledged, ${acknowledged.size} in all`);
      if (process.env.QUORUM_CRASH_VERBOSE) console.log(log.at(-1));

      // Restarted on the same database (taking over the dead process's lock, recovering its WAL on the embedded engine).
      server = await start();
      officer.base = server.base;
      // The session from before the kills still signs in: it was acknowledged too.
      const page = await officer.get('/admin/political-groups');
      expect(page.status, `round ${round}: the groups page after the restart`).toBe(200);
      const html = await page.text();
      const missing = [...acknowledged.keys()].filter((name) => !html.includes(`>${escapeHtml(name)}</a>`));
      expect(missing, `round ${round}: acknowledged groups missing after the restart`).toEqual([]);
    }
    console.log(`${testEngine}, seed ${crashSeed + 1}:\n  ${log.join('\n  ')}`);

    // Stopped properly, then checked in the database itself: every acknowledged group with its audit record, nothing
    // that was not asked for.
    server.process.child.kill('SIGTERM');
    expect((await server.process.exited).code).toBe(0);
    server = undefined;
    const handle = await db.open();
    try {
      const groups = await handle.db.selectFrom('political_group').select(['id', 'name']).execute();
      const byName = new Map(groups.map((group) => [group.name, group.id]));
      for (const [name, id] of acknowledged) expect(byName.get(name), name).toBe(id);
      expect(groups.filter((group) => !attempted.has(group.name)).map((group) => group.name)).toEqual([]);
      const audited = await handle.db
        .selectFrom('audit_log')
        .select('record_id')
        .where('table_name', '=', 'political_group')
        .where('action', '=', 'insert')
        .execute();
      const auditedIds = new Set(audited.map((row) => row.record_id));
      expect(
        [...acknowledged].filter(([, id]) => !auditedIds.has(id)).map(([name]) => name),
        'acknowledged groups without their audit record',
      ).toEqual([]);
      expect(acknowledged.size).toBeGreaterThanOrEqual(ROUNDS * 5);
    } finally {
      await handle.close();
    }
  });
});

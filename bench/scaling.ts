/**
 * Scaling out (docs/scaling.md): the same public load against one `quorum start` process and then against two on two
 * ports over the same PostgreSQL database, as a load balancer would spread it; then a coherence check: a committee
 * renamed through process A's back office shows on process B's public page at the next request.
 *
 * The authority is the portal benchmark's (bench/portal.ts prepares and generates it; database
 * quorum_bench_portal_y<years>_s<seed>), so a run after the portal benchmark reuses it.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { linkTo } from '../src/http/routes.ts';
import { peakRssMiB, percentile, prepare, samplePaths, waitFor } from './portal.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');

export interface ScalingBenchOptions {
  years: number;
  seed: number;
  /** Seconds of load for each of the two runs. */
  duration: number;
  /** Connections in all: one autocannon on one process, or half each on two. */
  connections: number;
  postgresUrl: string;
}

interface Load {
  requests: number;
  errors: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
}

interface Server {
  child: ChildProcess;
  origin: string;
  pid: number;
}

/** autocannon on each origin at once (connections split evenly), every response time kept so percentiles are exact over all of them. */
async function loadAll(origins: string[], paths: string[], connections: number, duration: number): Promise<{ combined: Load; each: Load[] }> {
  const per = origins.map(() => ({ times: [] as number[], errors: 0 }));
  await Promise.all(
    origins.map(
      (origin, index) =>
        new Promise<void>((resolve, reject) => {
          const instance = autocannon(
            { url: origin, connections: Math.floor(connections / origins.length), duration, requests: paths.map((p) => ({ method: 'GET', path: p })) },
            (error, result) => {
              if (error) return reject(error);
              per[index]!.errors += result.errors + result.timeouts;
              resolve();
            },
          );
          instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
            if (statusCode !== 200) per[index]!.errors++;
            per[index]!.times.push(responseTime);
          });
        }),
    ),
  );
  const summarise = (times: number[], errors: number): Load => {
    const sorted = [...times].sort((a, b) => a - b);
    return {
      requests: sorted.length,
      errors,
      perSecond: Number((sorted.length / duration).toFixed(1)),
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
    };
  };
  return {
    combined: summarise(
      per.flatMap((one) => one.times),
      per.reduce((sum, one) => sum + one.errors, 0),
    ),
    each: per.map((one) => summarise(one.times, one.errors)),
  };
}

/** CPU time of one process so far, in seconds (user + system). */
function cpuSeconds(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** CPU time of every PostgreSQL server process (its backends serve both app processes), in seconds. */
function postgresCpuSeconds(): number {
  let total = 0;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (!stat.includes('(postgres)')) continue;
      const fields = stat.split(') ')[1]!.split(' ');
      total += (Number(fields[11]) + Number(fields[12])) / 100;
    } catch {
      // gone meanwhile
    }
  }
  return total;
}

/** The whole machine's CPU time, busy and in all, in clock ticks (/proc/stat). */
function machineTicks(): { busy: number; total: number } {
  const numbers = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const total = numbers.reduce((sum, value) => sum + value, 0);
  const idle = numbers[3]! + (numbers[4] ?? 0);
  return { busy: total - idle, total };
}

/** Runs a load and reports, beside it, how busy each app process and the machine were. */
async function measured(servers: Server[], paths: string[], options: ScalingBenchOptions) {
  const sample = () => ({
    machine: machineTicks(),
    cpu: servers.map((server) => cpuSeconds(server.pid)),
    postgres: postgresCpuSeconds(),
    self: process.cpuUsage(),
  });
  const before = sample();
  const result = await loadAll(
    servers.map((server) => server.origin),
    paths,
    options.connections,
    options.duration,
  );
  const after = sample();
  const appCpuSeconds = servers.map((_server, index) => Number((after.cpu[index]! - before.cpu[index]!).toFixed(1)));
  const machineBusy = (after.machine.busy - before.machine.busy) / (after.machine.total - before.machine.total);
  const self = process.cpuUsage(before.self);
  return {
    ...result,
    appCpuSeconds,
    postgresCpuSeconds: Number((after.postgres - before.postgres).toFixed(1)),
    /** autocannon, in this process, on the same two CPUs. */
    loadGeneratorCpuSeconds: Number(((self.user + self.system) / 1e6).toFixed(1)),
    machineBusyPercent: Number((machineBusy * 100).toFixed(0)),
  };
}

function startServer(env: Record<string, string>, port: number): Server {
  const child = spawn(process.execPath, ['--max-old-space-size=512', '--import', 'tsx', 'src/cli/main.ts', 'start'], {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', QUORUM_PAPERS: path.join(here, '.cache', 'no-papers') },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return { child, origin: `http://127.0.0.1:${port}`, pid: child.pid! };
}

async function stopServer(server: Server): Promise<void> {
  if (server.child.exitCode !== null) return;
  server.child.kill('SIGTERM');
  await new Promise((resolve) => server.child.once('exit', resolve));
}

/** Every path once, so both processes start the load with their page caches filled, as after a moment in production. */
async function warm(server: Server, paths: string[]): Promise<void> {
  for (const p of paths) await (await fetch(`${server.origin}${p}`)).arrayBuffer();
}

/** A browser's cookies, enough for sign-in and a back-office form. */
class Browser {
  private cookies = new Map<string, string>();
  constructor(private readonly origin: string) {}

  private keep(response: Response): Response {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair!.indexOf('=');
      const name = pair!.slice(0, at);
      const value = pair!.slice(at + 1);
      if (value === '' || /max-age=0|expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  private headers(extra: Record<string, string> = {}): Record<string, string> {
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    return { accept: 'text/html', ...(cookie ? { cookie } : {}), ...extra };
  }

  async get(url: string): Promise<string> {
    const response = this.keep(await fetch(`${this.origin}${url}`, { headers: this.headers(), redirect: 'manual' }));
    return response.text();
  }

  /** Posts a form with the CSRF token of the page it is on; returns the status (303 when the form was accepted). */
  async post(url: string, page: string, fields: Record<string, string>): Promise<number> {
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page)?.[1]?.replaceAll('&#39;', "'").replaceAll('&quot;', '"').replaceAll('&amp;', '&');
    if (!csrf) throw new Error(`no CSRF field on the form for ${url}`);
    const body = new URLSearchParams({ ...fields, _csrf: csrf }).toString();
    const response = this.keep(
      await fetch(`${this.origin}${url}`, {
        method: 'POST',
        body,
        headers: this.headers({ 'content-type': 'application/x-www-form-urlencoded' }),
        redirect: 'manual',
      }),
    );
    await response.arrayBuffer();
    return response.status;
  }
}

/**
 * An officer (made with `quorum user create --password-stdin`, as an operator would) signs in on process A and renames
 * a committee; process B, whose cached copy of the committee page was just served, must show the new name at once.
 */
async function coherence(env: Record<string, string>, a: Server, b: Server, committeePath: string) {
  const slug = committeePath.split('/').pop()!;
  const client = new pg.Client({ connectionString: env.DATABASE_URL });
  await client.connect();
  const body = (await client.query<{ id: string; name: string; kind: string }>('select id, name, kind from body where slug = $1 order by id limit 1', [slug]))
    .rows[0]!;
  await client.end();

  const email = `bench-scaling-${Date.now()}@example.org`;
  const password = 'bench scaling password 1';
  const created = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'src/cli/main.ts', 'user', 'create', '--email', email, '--name', 'Bench Scaling', '--role', 'democratic-services', '--password-stdin'],
    {
      cwd: root,
      env: { ...process.env, ...env, LOG_LEVEL: 'warn' },
      input: `${password}\n`,
      encoding: 'utf8',
    },
  );
  if (created.status !== 0) throw new Error(`quorum user create failed: ${created.stderr}`);

  const fetchB = async () => {
    const response = await fetch(`${b.origin}${committeePath}`);
    return { cache: response.headers.get('x-quorum-cache'), html: await response.text() };
  };
  await fetchB();
  const beforeRename = await fetchB();

  const officer = new Browser(a.origin);
  const signInStatus = await officer.post(linkTo('auth.signIn'), await officer.get(linkTo('auth.signIn')), { email, password });
  const rename = async (name: string) => {
    const form = await officer.get(linkTo('admin.body', { id: body.id }));
    const version = /name="version" value="(\d+)"/.exec(form)?.[1];
    if (!version) throw new Error('no version field on the body form (not signed in?)');
    return officer.post(linkTo('admin.body', { id: body.id }), form, { name, kind: body.kind, version });
  };
  const newName = `${body.name} (renamed ${new Date().toISOString().slice(11, 19)})`;
  const renameStatus = await rename(newName);
  const started = performance.now();
  const afterRename = await fetchB();
  const millisecondsToShow = performance.now() - started;
  const shownOnB = afterRename.html.includes(escapeHtml(newName));
  const restoreStatus = await rename(body.name);
  const restored = (await fetchB()).html;
  const restoredOnB = restored.includes(escapeHtml(body.name)) && !restored.includes(escapeHtml(newName));
  return {
    committee: committeePath,
    signInOnA: signInStatus,
    renameOnA: renameStatus,
    bBeforeRename: beforeRename.cache,
    bAfterRename: afterRename.cache,
    newNameShownOnBAtNextRequest: shownOnB,
    millisecondsForBsNextRequest: Number(millisecondsToShow.toFixed(1)),
    renameBackOnA: restoreStatus,
    restoredNameShownOnB: restoredOnB,
  };
}

/** As the views escape text (Nunjucks autoescape). */
function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;');
}

function print(label: string, load: Load, extra: string): void {
  console.log(
    `${label.padEnd(22)} ${load.perSecond.toFixed(0).padStart(6)} req/s  p50 ${load.p50.toFixed(1)} ms  p95 ${load.p95.toFixed(1)} ms  p99 ${load.p99.toFixed(1)} ms  errors ${load.errors}  ${extra}`,
  );
}

export async function runScalingBench(options: ScalingBenchOptions) {
  const env = await prepare(
    { years: options.years, seed: options.seed, postgresUrl: options.postgresUrl, connections: 0, duration: 0, loadConnections: 0, loadDuration: 0 },
    'postgres',
  );
  const sampled = await samplePaths(env);
  const { meeting, councillor, committee, search } = sampled as Record<'meeting' | 'councillor' | 'committee' | 'search', string[]>;
  const paths = [...meeting, ...councillor, ...committee, ...search];
  const base = 3950 + Math.floor(Math.random() * 40);
  const servers: Server[] = [];
  try {
    // Both processes start at once, as after a deploy: each runs the migrator (nothing to apply; PostgreSQL's advisory lock orders them).
    servers.push(startServer(env, base), startServer(env, base + 1));
    const [a, b] = servers as [Server, Server];
    await Promise.all([waitFor(`${a.origin}/healthz`, a.child, 120), waitFor(`${b.origin}/healthz`, b.child, 120)]);
    await warm(a, paths);
    await warm(b, paths);

    console.log(
      `Scaling: ${paths.length} public paths (meeting, councillor, committee, search), ${options.connections} connections, ${options.duration} s each`,
    );
    const one = await measured([a], paths, options);
    const cpu = (run: typeof one) =>
      `(CPU s: app ${run.appCpuSeconds.join(' + ')}, PostgreSQL ${run.postgresCpuSeconds}, autocannon ${run.loadGeneratorCpuSeconds}; machine ${run.machineBusyPercent}% busy)`;
    print('one process', one.combined, cpu(one));
    const two = await measured([a, b], paths, options);
    print('two processes', two.combined, cpu(two));
    two.each.forEach((load, index) => print(`  process ${'AB'[index]}`, load, ''));
    const ratio = Number((two.combined.perSecond / one.combined.perSecond).toFixed(2));
    console.log(`Throughput two/one: ${ratio}`);

    const check = await coherence(env, a, b, committee[0]!);
    console.log(
      `Coherence: renamed on A (sign-in ${check.signInOnA}, save ${check.renameOnA}); B's next request (${check.bAfterRename}, ${check.millisecondsForBsNextRequest} ms) ${check.newNameShownOnBAtNextRequest ? 'showed' : 'DID NOT show'} the new name; renamed back: ${check.restoredNameShownOnB ? 'shown on B' : 'NOT shown on B'}`,
    );
    const rss = servers.map((server) => Number(peakRssMiB(server.pid).toFixed(0)));
    return {
      options: {
        ...options,
        postgresUrl: undefined,
        paths: { meeting: meeting.length, councillor: councillor.length, committee: committee.length, search: search.length },
      },
      one: {
        ...one.combined,
        cpu: {
          appSeconds: one.appCpuSeconds,
          postgresSeconds: one.postgresCpuSeconds,
          loadGeneratorSeconds: one.loadGeneratorCpuSeconds,
          machineBusyPercent: one.machineBusyPercent,
        },
      },
      two: {
        ...two.combined,
        perProcess: two.each,
        cpu: {
          appSeconds: two.appCpuSeconds,
          postgresSeconds: two.postgresCpuSeconds,
          loadGeneratorSeconds: two.loadGeneratorCpuSeconds,
          machineBusyPercent: two.machineBusyPercent,
        },
      },
      throughputRatioTwoToOne: ratio,
      peakRssMiB: rss,
      coherence: check,
    };
  } finally {
    for (const server of servers) await stopServer(server);
  }
}

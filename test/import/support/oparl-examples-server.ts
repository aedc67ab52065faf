/**
 * The official OParl 1.1 example objects (../shared/oparl-1.1/examples, read where they live) served from a small
 * local HTTP server as one Body's lists, their https://oparl.example.org URLs rewritten to the server's address.
 *
 * What the examples lack is made up here, and only that: the lists themselves (the examples are single objects), a
 * PDF's bytes for the files, and sha1Checksums matching those bytes (the examples' checksums are of files that
 * were never published with them). Extra objects for a list can be added, to serve bad ones.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const examplesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../shared/oparl-1.1/examples');

export const PDF_BYTES = Buffer.from('%PDF-1.4\n% made-up content for the OParl example files\n%%EOF\n');
const PDF_SHA1 = createHash('sha1').update(PDF_BYTES).digest('hex');

export interface ExamplesServer {
  baseUrl: string;
  systemUrl: string;
  /** Every request, in order: "GET /path?query". */
  requests: string[];
  close(): Promise<void>;
}

export interface ExamplesOptions {
  /** Extra objects appended to a list (e.g. "persons"). */
  extra?: Record<string, unknown[]>;
  /** Paths answered 429 with Retry-After: 0 the first time they are asked for. */
  throttleOnce?: string[];
}

function example(name: string, baseUrl: string): Record<string, unknown> {
  const text = fs.readFileSync(path.join(examplesDir, `${name}.json`), 'utf8').replaceAll('https://oparl.example.org', baseUrl);
  return JSON.parse(text.replace(/"sha1Checksum": "[0-9a-f]+"/g, `"sha1Checksum": "${PDF_SHA1}"`));
}

export async function startExamplesServer(options: ExamplesOptions = {}): Promise<ExamplesServer> {
  const requests: string[] = [];
  const throttled = new Set<string>();
  let baseUrl = '';
  const server = http.createServer((request, response) => {
    requests.push(`${request.method} ${request.url}`);
    const url = new URL(request.url ?? '/', baseUrl);
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      response.writeHead(status, { 'content-type': 'application/json', ...headers });
      response.end(JSON.stringify(body));
    };
    if (options.throttleOnce?.includes(url.pathname) && !throttled.has(url.pathname)) {
      throttled.add(url.pathname);
      return send(429, { type: 'https://schema.oparl.org/1.1/Error', message: 'slow down' }, { 'retry-after': '0' });
    }
    const list = (name: string, objects: unknown[]) =>
      send(200, {
        data: [...objects, ...(options.extra?.[name] ?? [])],
        pagination: { totalElements: objects.length + (options.extra?.[name]?.length ?? 0) },
        links: {},
      });
    switch (url.pathname) {
      case '/':
        return send(200, example('System-01', baseUrl));
      case '/body/0':
        return send(200, example('Body-01', baseUrl));
      case '/bodies':
        return list('bodies', [example('Body-01', baseUrl)]);
      case '/body/0/organizations/':
        return list('organizations', [example('Organization-01', baseUrl)]);
      case '/body/0/persons/':
        return list('persons', [example('Person-01', baseUrl)]);
      case '/body/0/meetings/':
        return list('meetings', [example('Meeting-01', baseUrl)]);
      case '/body/0/papers/':
        return list('papers', [example('Paper-01', baseUrl)]);
      default:
        if (url.pathname.startsWith('/files/') && url.pathname.endsWith('.pdf')) {
          response.writeHead(200, { 'content-type': 'application/pdf' });
          return response.end(PDF_BYTES);
        }
        return send(404, { type: 'https://schema.oparl.org/1.1/Error', message: 'not found' });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
  return {
    baseUrl,
    systemUrl: `${baseUrl}/`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

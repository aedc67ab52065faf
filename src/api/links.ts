/**
 * Absolute links for the open data APIs. OParl requires absolute URLs, and they must name the public address the
 * council publishes (config.publicUrl), not whatever Host header a request happened to carry.
 */
import type { Config } from '../config.ts';
import { linkTo, type RouteName } from '../http/routes.ts';

export type AbsoluteLink = <Name extends RouteName>(...args: Parameters<typeof linkTo<Name>>) => string;

export function publicBaseUrl(config: Config): string {
  const base = config.publicUrl ?? `http://localhost:${config.port}`;
  return base.replace(/\/+$/, '');
}

export function absoluteLinks(config: Config): AbsoluteLink {
  const base = publicBaseUrl(config);
  return (...args) => `${base}${linkTo(...args)}`;
}

/** An absolute link with query parameters (list pages keep their filters), leaving out unset ones. */
export function withQuery(url: string, query: Record<string, string | number | undefined>): string {
  const parameters = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') parameters.set(key, String(value));
  const text = parameters.toString();
  return text ? `${url}?${text}` : url;
}

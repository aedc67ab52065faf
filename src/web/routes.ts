/**
 * The route table: every URL the web app serves is named here, and every link or redirect is built from it with
 * linkTo, so a path changes in one place and a typo in a link is a type error rather than a broken page.
 */

export const ROUTES = {
  home: '/',
  'meeting.show': '/meetings/:id',
  healthz: '/healthz',
} as const;

export type RouteName = keyof typeof ROUTES;

type ParamNames<Path extends string> = Path extends `${string}:${infer Param}/${infer Rest}`
  ? Param | ParamNames<`/${Rest}`>
  : Path extends `${string}:${infer Param}`
    ? Param
    : never;

export type RouteParams<Name extends RouteName> = { [K in ParamNames<(typeof ROUTES)[Name]>]: string | number };

type LinkArgs<Name extends RouteName> = [ParamNames<(typeof ROUTES)[Name]>] extends [never]
  ? [params?: Record<string, never>]
  : [params: RouteParams<Name>];

/** The path of a named route, its parameters percent-encoded: linkTo('meeting.show', { id }). */
export function linkTo<Name extends RouteName>(name: Name, ...[params]: LinkArgs<Name>): string {
  const pattern: string = ROUTES[name];
  const values = (params ?? {}) as Record<string, string | number>;
  return pattern.replace(/:([A-Za-z_]+)/g, (_match, key: string) => {
    const value = values[key];
    // Templates call linkTo without the type checker, so a missing parameter must fail loudly, not render "undefined".
    if (value === undefined || value === '') throw new Error(`linkTo('${name}'): missing parameter "${key}"`);
    return encodeURIComponent(String(value));
  });
}

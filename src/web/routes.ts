/**
 * The route table: every URL the web app serves is named here, and every link or redirect is built from it with
 * linkTo, so a path changes in one place and a typo in a link is a type error rather than a broken page.
 */

export const ROUTES = {
  home: '/',
  'meeting.show': '/meetings/:id',
  'meeting.list': '/meetings',
  'committee.list': '/committees',
  'committee.show': '/committees/:slug',
  'person.list': '/councillors',
  'person.show': '/people/:id',
  'report.show': '/reports/:id',
  'decision.list': '/decisions',
  'decision.show': '/decisions/:id',
  search: '/search',
  'feed.meetings.ics': '/meetings.ics',
  'feed.committee.ics': '/committees/:slug/meetings.ics',
  'feed.decisions.rss': '/decisions.rss',
  'feed.decisions.atom': '/decisions.atom',
  'feed.minutes.rss': '/minutes.rss',
  'feed.minutes.atom': '/minutes.atom',
  'oparl.system': '/oparl/v1/system',
  'oparl.bodies': '/oparl/v1/bodies',
  'oparl.body': '/oparl/v1/body/:id',
  'oparl.body.organizations': '/oparl/v1/body/:id/organizations',
  'oparl.body.people': '/oparl/v1/body/:id/people',
  'oparl.body.meetings': '/oparl/v1/body/:id/meetings',
  'oparl.body.papers': '/oparl/v1/body/:id/papers',
  'oparl.body.agendaItems': '/oparl/v1/body/:id/agenda-items',
  'oparl.body.consultations': '/oparl/v1/body/:id/consultations',
  'oparl.body.files': '/oparl/v1/body/:id/files',
  'oparl.body.locations': '/oparl/v1/body/:id/locations',
  'oparl.body.legislativeTerms': '/oparl/v1/body/:id/legislative-terms',
  'oparl.body.memberships': '/oparl/v1/body/:id/memberships',
  'oparl.organization': '/oparl/v1/organization/:id',
  'oparl.organization.meetings': '/oparl/v1/organization/:id/meetings',
  'oparl.person': '/oparl/v1/person/:id',
  'oparl.membership': '/oparl/v1/membership/:id',
  'oparl.meeting': '/oparl/v1/meeting/:id',
  'oparl.agendaItem': '/oparl/v1/agenda-item/:id',
  'oparl.paper': '/oparl/v1/paper/:id',
  'oparl.consultation': '/oparl/v1/consultation/:id',
  'oparl.file': '/oparl/v1/file/:id',
  'oparl.file.content': '/oparl/v1/file/:id/content',
  'oparl.location': '/oparl/v1/location/:id',
  'oparl.legislativeTerm': '/oparl/v1/legislative-term/:id',
  'api.openapi': '/api/openapi.json',
  'api.docs': '/api/docs',
  'api.bodies': '/api/v1/bodies',
  'api.body': '/api/v1/bodies/:id',
  'api.people': '/api/v1/people',
  'api.person': '/api/v1/people/:id',
  'api.meetings': '/api/v1/meetings',
  'api.meeting': '/api/v1/meetings/:id',
  'api.voteEvents': '/api/v1/vote-events',
  'api.voteEvent': '/api/v1/vote-events/:id',
  'api.decisions': '/api/v1/decisions',
  'api.decision': '/api/v1/decisions/:id',
  'api.recommendations': '/api/v1/recommendations',
  'api.recommendation': '/api/v1/recommendations/:id',
  'api.plans': '/api/v1/plans',
  'api.plan': '/api/v1/plans/:id',
  'api.indicators': '/api/v1/indicators',
  'api.indicator': '/api/v1/indicators/:id',
  'api.allowancesStatement': '/api/v1/allowances/statements/:year',
  'api.openData': '/api/v1/open-data',
  'api.openData.file': '/api/v1/open-data/:file',
  'allowances.statement': '/allowances',
  'allowances.statement.csv': '/allowances/statement.csv',
  'allowances.scheme': '/allowances/schemes/:id',
  healthz: '/healthz',
  'scrutiny.list': '/scrutiny',
  'scrutiny.recommendation': '/scrutiny/recommendations/:id',
  'scrutiny.trackingSheet': '/scrutiny/tracking-sheet',
  'scrutiny.trackingSheet.csv': '/scrutiny/tracking-sheet.csv',
  'scrutiny.trackingSheet.xlsx': '/scrutiny/tracking-sheet.xlsx',
  'scrutiny.cabinetReport.docx': '/scrutiny/meetings/:id/cabinet-report.docx',
  'scrutiny.cabinetReport.pdf': '/scrutiny/meetings/:id/cabinet-report.pdf',
  'scrutiny.insight': '/scrutiny/insight',
  'scrutiny.insight.chart': '/scrutiny/insight/charts/:chart',
  'scrutiny.admin.tracker': '/admin/scrutiny',
  'scrutiny.admin.new': '/admin/scrutiny/recommendations/new',
  'scrutiny.admin.recommendation': '/admin/scrutiny/recommendations/:id',
  'scrutiny.admin.response': '/admin/scrutiny/recommendations/:id/responses',
  'scrutiny.admin.status': '/admin/scrutiny/recommendations/:id/status',
  'scrutiny.admin.myActions': '/admin/scrutiny/my-actions',
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

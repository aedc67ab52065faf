/**
 * The route table: every URL the web app serves is named here, and every link or redirect is built from it with
 * linkTo, so a path changes in one place and a typo in a link is a type error rather than a broken page.
 */

export const ROUTES = {
  home: '/',
  'meeting.show': '/meetings/:id',
  'meeting.list': '/meetings',
  'meeting.agendaPack.pdf': '/meetings/:id/agenda-pack.pdf',
  'meeting.agendaPack.docx': '/meetings/:id/agenda-pack.docx',
  'meeting.minutes.pdf': '/meetings/:id/minutes.pdf',
  'meeting.minutes.docx': '/meetings/:id/minutes.docx',
  'admin.meeting.agendaPack.pdf': '/admin/meetings/:id/agenda-pack-officers.pdf',
  'admin.meeting.agendaPack.docx': '/admin/meetings/:id/agenda-pack-officers.docx',
  'admin.meeting.minutes.pdf': '/admin/meetings/:id/minutes-officers.pdf',
  'admin.meeting.minutes.docx': '/admin/meetings/:id/minutes-officers.docx',
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
  'auth.signIn': '/sign-in',
  'auth.signOut': '/sign-out',
  'auth.forgotPassword': '/forgot-password',
  'auth.resetPassword': '/reset-password/:token',
  'admin.home': '/admin',
  'admin.accounts': '/admin/accounts',
  'admin.account.new': '/admin/accounts/new',
  'admin.history': '/admin/history/:table/:id',
  'admin.bodies': '/admin/bodies',
  'admin.body.new': '/admin/bodies/new',
  'admin.body': '/admin/bodies/:id',
  'admin.body.memberships': '/admin/bodies/:id/memberships',
  'admin.groups': '/admin/political-groups',
  'admin.group.new': '/admin/political-groups/new',
  'admin.group': '/admin/political-groups/:id',
  'admin.group.memberships': '/admin/political-groups/:id/memberships',
  'admin.meeting.new': '/admin/meetings/new',
  'admin.meeting': '/admin/meetings/:id',
  'admin.meeting.agendaItems': '/admin/meetings/:id/agenda-items',
  'admin.meeting.publishAgenda': '/admin/meetings/:id/publish-agenda',
  'admin.meeting.attendance': '/admin/meetings/:id/attendance',
  'admin.meeting.declarations': '/admin/meetings/:id/declarations',
  'admin.meeting.minutes': '/admin/meetings/:id/minutes',
  'admin.meeting.publishMinutes': '/admin/meetings/:id/publish-minutes',
  'admin.meeting.approveMinutes': '/admin/meetings/:id/approve-minutes',
  'admin.agendaItem': '/admin/agenda-items/:id',
  'admin.minute': '/admin/minutes/:id',
  'admin.minute.voteEvents': '/admin/minutes/:id/vote-events',
  'admin.minute.corrections': '/admin/minutes/:id/corrections',
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
  'scrutiny.admin.publish': '/admin/scrutiny/recommendations/:id/publish',
  'scrutiny.admin.edit': '/admin/scrutiny/recommendations/:id/edit',
  'scrutiny.myActions': '/my-actions',
  'scrutiny.myActions.recommendation': '/my-actions/:id',
  'plans.index': '/plans',
  'plan.show': '/plans/:plan',
  'plan.priority': '/plans/:plan/priorities/:number',
  'plan.action': '/plans/:plan/actions/:ref',
  'plan.coverage': '/plans/:plan/coverage',
  'plan.report': '/plans/:plan/progress-report',
  'plan.report.docx': '/plans/:plan/progress-report.docx',
  dashboard: '/dashboard',
  'indicator.show': '/dashboard/:indicator',
  'plans.admin': '/admin/plans',
  'plans.admin.observation': '/admin/plans/indicators/:indicator/observations',
  'plans.admin.upload': '/admin/plans/observations/upload',
  'plans.admin.progress': '/admin/plans/:plan/actions/:ref/progress',
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

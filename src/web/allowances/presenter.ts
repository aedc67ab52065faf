/** View models for the public allowances pages: money formatted here, so templates never do arithmetic. */
import type { SchemeDetail } from '../../db/repositories/allowances.ts';
import { CLAIM_KIND_LABELS, CLAIM_KINDS } from '../../domain/allowances/claims.ts';
import { formatPounds, formatRate, percentOf, trimDecimal } from '../../domain/allowances/money.ts';
import { formatShortDate } from '../i18n/dates.ts';
import type { PaidHeads, Statement } from '../../services/allowances/statement.ts';
import { linkTo } from '../../http/routes.ts';
import { formatNumber, t } from '../i18n/index.ts';

export function presentStatement(statement: Statement, years: string[]) {
  const money = (pence: bigint) => formatPounds(pence);
  const paid = (heads: PaidHeads) => ({
    basic: money(heads.basicPence),
    sra: money(heads.sraPence),
    coOptee: money(heads.coOpteePence),
    travel: money(heads.travelPence),
    subsistence: money(heads.subsistencePence),
    carers: money(heads.carersPence),
    total: money(heads.totalPence),
  });
  return {
    hasPayments: statement.hasPayments,
    paidRows: statement.rows.filter((row) => row.paid.totalPence !== 0n || statement.hasPayments).map((row) => ({ name: row.name, ...paid(row.paid) })),
    paidTotals: paid(statement.totals.paid),
    yearLabel: statement.year.label,
    from: formatShortDate(statement.year.start),
    to: formatShortDate(statement.year.end),
    csvHref: `${linkTo('allowances.statement.csv')}?year=${encodeURIComponent(statement.year.label)}`,
    years: years.map((label) => ({
      label,
      href: `${linkTo('allowances.statement')}?year=${encodeURIComponent(label)}`,
      current: label === statement.year.label,
    })),
    rows: statement.rows.map((row) => ({
      name: row.name,
      basic: money(row.basicPence),
      sra: money(row.sraPence),
      coOptee: money(row.coOpteePence),
      travel: money(row.travelPence),
      subsistence: money(row.subsistencePence),
      carers: money(row.carersPence),
      forgone: row.forgonePence > 0n ? money(row.forgonePence) : '',
      total: money(row.totalPence),
      sraPosts: row.entitlements
        .filter((entry) => entry.kind === 'sra')
        .map((entry) => ({ name: entry.name, paid: entry.accruedPence > 0n, reason: entry.notPayableReason })),
    })),
    totals: {
      basic: money(statement.totals.basicPence),
      sra: money(statement.totals.sraPence),
      coOptee: money(statement.totals.coOpteePence),
      travel: money(statement.totals.travelPence),
      subsistence: money(statement.totals.subsistencePence),
      carers: money(statement.totals.carersPence),
      forgone: money(statement.totals.forgonePence),
      total: money(statement.totals.totalPence),
    },
  };
}

/** The scheme with each SRA's printed amount beside what its percentage of the Leader's gives, and the difference. */
export function presentScheme(detail: SchemeDetail) {
  const leader = detail.posts.find((post) => post.percent_of_leader !== null && Number(post.percent_of_leader) === 100);
  const leaderPence = leader ? BigInt(leader.amount_pence) : undefined;
  const { scheme } = detail;
  return {
    id: scheme.id,
    title: scheme.title,
    status: scheme.status,
    period:
      scheme.period_text ??
      t('allowancePage.fromTo', {
        from: formatShortDate(scheme.effective_from),
        to: scheme.effective_to ? formatShortDate(scheme.effective_to) : (scheme.effective_to_text ?? t('allowancePage.furtherNotice')),
      }),
    adopted: scheme.adopted_on
      ? `${t('allowancePage.adoptedBy', { body: scheme.adopted_by ?? t('allowancePage.council'), date: formatShortDate(scheme.adopted_on) })}${scheme.amended_on.length ? t('allowancePage.amendedOn', { dates: scheme.amended_on.map(formatShortDate).join(', ') }) : ''}`
      : null,
    meeting: detail.adoptedMeeting
      ? {
          text: `${detail.adoptedMeeting.bodyName}, ${formatShortDate(detail.adoptedMeeting.date)}`,
          href: linkTo('meeting.show', { id: detail.adoptedMeeting.id }),
        }
      : null,
    basic: formatPounds(BigInt(scheme.basic_allowance_pence)),
    basicNote: scheme.basic_allowance_note,
    posts: detail.posts.map((post) => {
      const printed = BigInt(post.amount_pence);
      const computed = post.percent_of_leader !== null && leaderPence !== undefined ? percentOf(leaderPence, post.percent_of_leader) : undefined;
      return {
        group: post.group_name,
        name: post.name,
        qualifier: post.qualifier,
        percent: post.percent_of_leader === null ? '' : `${trimDecimal(post.percent_of_leader)}%`,
        amount: formatPounds(printed),
        computed: computed === undefined ? '' : formatPounds(computed),
        difference: computed === undefined || computed === printed ? '' : formatPounds(printed - computed),
        maxHolders: post.max_holders === null ? '' : String(post.max_holders),
        appliesTo: post.applies_to.join(', '),
      };
    }),
    bands: detail.bands.map((band) => ({
      from: formatShortDate(band.effective_from),
      text:
        band.up_to_miles === null
          ? t('allowancePage.mileAfter', { rate: formatRate(band.pence_per_mile) })
          : t('allowancePage.mileUpTo', { rate: formatRate(band.pence_per_mile), miles: formatNumber(band.up_to_miles) }),
    })),
    purposes: detail.purposes.map((purpose) => `(${purpose.code}) ${purpose.text}`),
    carers:
      scheme.carers_max_pence_per_hour === null ? null : t('allowancePage.carersRate', { amount: formatPounds(BigInt(scheme.carers_max_pence_per_hour)) }),
    coOptees: detail.coOpteeRates.map((rate) => ({
      role: rate.role,
      rate:
        rate.per_year_pence !== null
          ? t('allowancePage.aYear', { amount: formatPounds(BigInt(rate.per_year_pence)) })
          : t('allowancePage.aDay', { amount: formatPounds(BigInt(rate.per_day_pence ?? '0')) }),
    })),
    // The scheme's own limits, per kind of claim (Regulation 14), as "Mileage (own vehicle), Parking: 4 months".
    timeLimit: detail.limits.length
      ? [...groupLimits(detail.limits)].map(([months, kinds]) => `${kinds.join(', ')}: ${t('allowancePage.monthsFromDuty', { months })}`).join('; ')
      : null,
    takesEffect:
      scheme.takes_effect_on && scheme.takes_effect_on !== scheme.effective_from
        ? t('allowancePage.takesEffect', { date: formatShortDate(scheme.takes_effect_on) })
        : null,
    oneSra: scheme.one_sra_only ? t('allowancePage.oneSraOnly') : t('allowancePage.manySras'),
    rules: scheme.rules,
    proposals: scheme.proposals.map((proposal) => proposal.summary),
    sections: scheme.sections,
  };
}

/** Kinds of claim grouped by their time limit in months, in the order the scheme's kinds are listed. */
function groupLimits(limits: Array<{ claim_kind: string; months: number }>): Map<number, string[]> {
  const groups = new Map<number, string[]>();
  for (const kind of CLAIM_KINDS) {
    const limit = limits.find((candidate) => candidate.claim_kind === kind);
    if (limit) groups.set(limit.months, [...(groups.get(limit.months) ?? []), CLAIM_KIND_LABELS[kind]]);
  }
  return groups;
}

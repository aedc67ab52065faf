/** Dates and figures as a council prints them: "21 June 2011", "May 2011", "1,926", "92.5%". */
import { formatMonth as monthOf, formatShortDate } from '../i18n/dates.ts';

export function formatDate(iso: string | null | undefined): string {
  return iso ? formatShortDate(iso) : '';
}

export function formatMonth(period: string | null | undefined): string {
  return period ? monthOf(period) : '';
}

export function formatValue(value: number, unit: 'count' | 'percent'): string {
  const text = value.toLocaleString('en-GB', { maximumFractionDigits: 1 });
  return unit === 'percent' ? `${text}%` : text;
}

export const RAG_LABELS = { red: 'Red', amber: 'Amber', green: 'Green', none: 'No data' } as const;
export const RAG_TAG_CLASSES = { red: 'govuk-tag--red', amber: 'govuk-tag--orange', green: 'govuk-tag--green', none: 'govuk-tag--grey' } as const;

/** Dates and figures as a council prints them: "21 June 2011", "May 2011", "1,926", "92.5%". */
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

export function formatMonth(period: string | null | undefined): string {
  if (!period) return '';
  const [year, month] = period.split('-').map(Number) as [number, number];
  return `${MONTHS[month - 1]} ${year}`;
}

export function formatValue(value: number, unit: 'count' | 'percent'): string {
  const text = value.toLocaleString('en-GB', { maximumFractionDigits: 1 });
  return unit === 'percent' ? `${text}%` : text;
}

export const RAG_LABELS = { red: 'Red', amber: 'Amber', green: 'Green', none: 'No data' } as const;
export const RAG_TAG_CLASSES = { red: 'govuk-tag--red', amber: 'govuk-tag--orange', green: 'govuk-tag--green', none: 'govuk-tag--grey' } as const;

/**
 * Gifts and hospitality. Councils' codes of conduct ask members to register, within 28 days of receipt, any gift or
 * hospitality worth more than the council's threshold (the Local Government Association's model code says £50);
 * an entry registered later is flagged as late, never refused: a late entry is better than none.
 */
import { addDays } from '../forward-plan/clear-days.ts';

export const GIFT_REGISTRATION_DAYS = 28;

export function registrationDueBy(receivedOn: string): string {
  return addDays(receivedOn, GIFT_REGISTRATION_DAYS);
}

export function isLate(receivedOn: string, registeredOn: string): boolean {
  return registeredOn > registrationDueBy(receivedOn);
}

export function formatPounds(pence: number): string {
  return `£${(pence / 100).toLocaleString('en-GB', { minimumFractionDigits: pence % 100 ? 2 : 0, maximumFractionDigits: 2 })}`;
}

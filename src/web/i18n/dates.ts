/**
 * The date module's written forms (src/domain/dates.ts) in the language of the request being served: presenters
 * import these instead, so a Welsh page shows "Dydd Mercher 6 Ebrill 2011" without passing the language on.
 */
import * as dates from '../../domain/dates.ts';
import { currentLanguage } from '../../http/language.ts';

export { formatNumericDate, todayInLondon } from '../../domain/dates.ts';

export const formatDate = (date: string): string => dates.formatDate(date, currentLanguage());
export const formatFormalDate = (date: string): string => dates.formatFormalDate(date, currentLanguage());
export const formatShortDate = (date: string): string => dates.formatShortDate(date, currentLanguage());
export const formatMonth = (date: string): string => dates.formatMonth(date, currentLanguage());
export const monthName = (month: number): string => dates.monthName(month, currentLanguage());
export const formatDatesInText = (text: string): string => dates.formatDatesInText(text, currentLanguage());
export const formatStamp = (at: Date): string => dates.formatStamp(at, currentLanguage());
export const formatPreciseStamp = (at: Date): string => dates.formatPreciseStamp(at, currentLanguage());
export const formatTime = (time: string): string => dates.formatTime(time, currentLanguage());
export const formatTimeRange = (start: string | null, end: string | null): string | undefined => dates.formatTimeRange(start, end, currentLanguage());

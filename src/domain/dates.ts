/** Made once: building an Intl formatter costs far more than formatting, and this runs on every page request. */
const UK_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today's date in the UK ('YYYY-MM-DD'): councils meet on UK dates, whatever the server's time zone. */
export function todayInLondon(now: Date = new Date()): string {
  return UK_DATE.format(now);
}

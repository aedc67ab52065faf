/** Today's date in the UK ('YYYY-MM-DD'): councils meet on UK dates, whatever the server's time zone. */
export function today(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

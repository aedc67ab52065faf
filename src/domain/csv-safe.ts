/**
 * CSV cells a spreadsheet would run as a formula (starting =, +, -, @, or a tab or carriage return that some
 * spreadsheets skip before one) are prefixed with an apostrophe, so a name in a download can never run as code
 * on a reader's machine (OWASP "CSV injection"). Figures are written by us as plain decimals and need no guard.
 */
export function csvSafe(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/** Places on an outside body and who holds them on a date: appointments in force then, and the places left. */

export interface AppointmentTerm {
  startsOn: string;
  endsOn: string | null;
}

export function inForce(term: AppointmentTerm, on: string): boolean {
  return term.startsOn <= on && (term.endsOn === null || term.endsOn >= on);
}

export function vacancies(places: number, terms: readonly AppointmentTerm[], on: string): number {
  return Math.max(0, places - terms.filter((term) => inForce(term, on)).length);
}

/** Whether a new term would overlap one the same person already holds on the same body. */
export function overlaps(a: AppointmentTerm, b: AppointmentTerm): boolean {
  return a.startsOn <= (b.endsOn ?? '9999-12-31') && b.startsOn <= (a.endsOn ?? '9999-12-31');
}

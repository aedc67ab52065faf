/**
 * Who a response names to act: "Paul Brightwell to action", "Tony Doran to explore and report back",
 * "Paul Brightwell to discuss with Tony Doran" (both own it), "Cabinet Member to action". Only the verbs officers
 * use for a task count, so "available from the Research Officer to the Committee" names nobody.
 */
import type { OwnerRecord } from './types.ts';

const ACTOR = "(Cabinet Member|[A-Z][a-z'’-]+ [A-Z][A-Za-z'’-]+)";
const VERBS =
  'action|explore|discuss|provide|send|consider|report|write|look|review|arrange|circulate|respond|investigate|follow|update|prepare|contact|raise|ensure|check';
// The owner opens a sentence or clause: "The Leader met with the Children's Minister to discuss …" names no owner.
const TASK = new RegExp(`(?:^|[.;:]\\s+|\\n)${ACTOR} to (${VERBS})\\b([^.;\\n]*)`, 'g');
const WITH = new RegExp(`^\\s*with ${ACTOR}`);

export function ownersIn(text: string): OwnerRecord[] {
  const owners: OwnerRecord[] = [];
  const add = (printed: string, instruction: string) => {
    if (!owners.some((owner) => owner.printed === printed)) owners.push({ printed, instruction: instruction.trim() });
  };
  for (const match of text.matchAll(TASK)) {
    const [, printed, verb, rest] = match;
    const instruction = `to ${verb}${rest}`.replace(/\s+/g, ' ');
    add(printed!, instruction);
    const partner = WITH.exec(rest ?? '');
    if (verb === 'discuss' && partner) add(partner[1]!, `to discuss with ${printed}`);
  }
  return owners;
}

/**
 * Recogniser: an officer named as the contact for a meeting or report, in the forms web pages and agendas print:
 *   "Contact: Jane Smith  01234 567890"          "Contact: Jane Smith  Tel: 01234 567890; E-Mail: ..."
 *   "Contact: Jane Smith  Committee Manager"      "Officer contact: Jane Smith on 01234 567890 or email: ..."
 * A team ("Contact: Democratic Services") is no person and gives nothing. Pure and linear.
 */
import { parsePrintedName, type PrintedName } from '../../domain/person-name.ts';

export interface ContactMention {
  name: PrintedName;
  jobTitle?: string;
}

const LABEL = /^(?:Contact(?:\s+officer)?|Officer\s+contact|Contact\s+details)\s*:\s*(.+)$/i;
/** Words that make a contact a team or an office rather than a person. */
const TEAM = /\b(?:Services?|Team|Office|Unit|Section|Department|Democratic|Committee\s+Clerk|Support|Enquiries|Governance)\b/i;
const NAME = /^((?:(?:Mr|Mrs|Ms|Miss|Dr)\.? )?[A-Z][\p{L}'’-]+(?: [A-Z]\.?)?(?: [A-Z][\p{L}'’-]+){1,2})/u;

export function readContact(text: string): ContactMention | undefined {
  const label = LABEL.exec(text.trim());
  if (!label) return undefined;
  const rest = label[1]!.trim();
  const match = NAME.exec(rest);
  if (!match) return undefined;
  const printed = match[1]!;
  if (TEAM.test(printed)) return undefined;
  const after = rest.slice(printed.length);
  // The name ends at a phone number, an e-mail, "Tel", "on", a bracket, or two spaces before a job title.
  if (after && !/^(?:\s{2,}|\s*[(,;]|\s+(?:on|Tel|Telephone|Email|E-mail|Phone|t:|e:)\b|\s+\d)/i.test(after)) return undefined;
  const name = parsePrintedName(printed);
  if (!name) return undefined;
  const title = /^\s{2,}([A-Z][A-Za-z &'’,-]{3,80})$/.exec(after)?.[1]?.trim();
  return { name, ...(title && !/\d|@/.test(title) ? { jobTitle: title } : {}) };
}

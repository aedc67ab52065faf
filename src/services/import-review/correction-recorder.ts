/**
 * correctionRecorder: an officer's correction of a paper's extraction (issue 17 item 4), recorded and applied at
 * once: the correction is stored under its natural key (src/domain/import-review/corrections.ts) and the paper is
 * imported again from its text with every correction, in one transaction. So the screen shows what any later
 * re-import will give, and a correction that no longer applies is reported like any other import issue.
 * correctionRemover takes one back the same way.
 */
import { z } from 'zod';
import type { DatabaseHandle } from '../../db/engine.ts';
import * as review from '../../db/repositories/import-review.ts';
import { type Actor, writeOperation } from '../write-operation.ts';
import { CORRECTION_KINDS, CORRECTION_VALUES, correctionId, printedNameKey, type Correction } from '../../domain/import-review/corrections.ts';
import { NotFound, ValidationError } from '../../domain/errors.ts';
import { reimportInTransaction } from './paper-reimporter.ts';

export const CorrectionSchema = z.object({
  bodyName: z.string().trim().min(1, 'Choose the meeting').max(300),
  meetingDate: z.iso.date('Choose the meeting'),
  kind: z.enum(CORRECTION_KINDS, 'Choose what to correct'),
  /** Not for an apology: its key is the name of the member chosen. */
  recordKey: z.string().trim().max(300).default(''),
  value: z.record(z.string(), z.unknown()),
});
export type CorrectionInput = z.infer<typeof CorrectionSchema>;

/** Why a correction found no record, by kind, named by the field to change. */
const NOT_FOUND: Record<Correction['kind'], { field: string; message: string }> = {
  'person-link': { field: 'personId', message: 'That name is not printed at this meeting' },
  'vote-count': { field: 'for', message: 'That recorded vote is not in this meeting' },
  apology: { field: 'personId', message: 'That apology cannot be added to this meeting' },
  'minute-merge': { field: 'recordKey', message: 'The first minute of a meeting cannot be joined to one before it' },
  'minute-split': { field: 'line', message: 'Enter a line inside the minute, after its first line, and a number no other minute has' },
};

export interface CorrectionRecorderProps {
  database: DatabaseHandle;
  authorityName: string;
  sourceId: string;
  /** The officer's account id, for the audit log. */
  actor: Actor;
  correction: CorrectionInput;
}

export async function correctionRecorder(props: CorrectionRecorderProps): Promise<{ id: string }> {
  const input = CorrectionSchema.parse(props.correction);
  if (input.kind !== 'apology' && !input.recordKey) throw ValidationError([{ field: 'recordKey', message: 'Choose the record to correct' }]);
  return writeOperation({ db: props.database.db, actor: props.actor }, async ({ trx }) => {
    // A missed apology is printed as the member's name: that name is its key.
    const printed = input.kind === 'apology' ? await review.personPrintedName(trx, String(input.value.personId ?? '')) : undefined;
    if (input.kind === 'apology' && !printed) throw ValidationError([{ field: 'personId', message: 'Choose a member on record' }]);
    const given = printed ? { ...input.value, printed } : input.value;
    const value = CORRECTION_VALUES[input.kind].safeParse(given);
    if (!value.success) throw ValidationError(value.error.issues.map((issue) => ({ field: issue.path.join('.') || 'value', message: issue.message })));
    const source = await review.findSource(trx, props.sourceId);
    if (!source) throw NotFound('No imported paper with that id');
    const personId = (value.data as { personId?: string }).personId;
    if (personId && !(await review.personExists(trx, personId))) throw ValidationError([{ field: 'personId', message: 'Choose a person on record' }]);
    const recordKey = printed ? printedNameKey(printed) : input.recordKey;
    const correction: Correction = { ...input, recordKey, contentHash: source.content_hash, value: value.data };
    const id = correctionId(correction);
    await review.saveCorrection(trx, id, correction);
    const { unapplied } = await reimportInTransaction(trx, props.authorityName, props.sourceId);
    // A correction that finds no record is refused (the transaction rolls back), never stored to fail later.
    if (unapplied.some((other) => correctionId(other) === id)) throw ValidationError([NOT_FOUND[correction.kind]]);
    return { id };
  });
}

export interface CorrectionRemoverProps {
  database: DatabaseHandle;
  authorityName: string;
  sourceId: string;
  actor: Actor;
  correctionId: string;
}

export async function correctionRemover(props: CorrectionRemoverProps): Promise<void> {
  await writeOperation({ db: props.database.db, actor: props.actor }, async ({ trx }) => {
    const source = await review.findSource(trx, props.sourceId);
    if (!source) throw NotFound('No imported paper with that id');
    if ((await review.deleteCorrection(trx, props.correctionId, source.content_hash)) === 0) throw NotFound('No such correction of this paper');
    await reimportInTransaction(trx, props.authorityName, props.sourceId);
  });
}

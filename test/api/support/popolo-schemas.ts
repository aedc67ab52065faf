/**
 * The Popolo JSON Schemas of test/api/support/popolo/ (their README says where they come from), compiled once.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'popolo');

export class PopoloSchemas {
  private readonly voteEvent: ValidateFunction;
  private readonly ajv: Ajv;

  constructor() {
    this.ajv = new Ajv({ allErrors: true, strict: true });
    addFormats(this.ajv);
    for (const file of fs.readdirSync(dir).filter((name) => name.endsWith('.json')))
      this.ajv.addSchema(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')));
    this.voteEvent = this.ajv.getSchema('http://www.popoloproject.com/schemas/vote_event.json#')!;
  }

  /** Problems of one vote event as "where: message" lines; empty when it is valid Popolo. */
  validateVoteEvent(event: unknown, where = '$'): string[] {
    if (this.voteEvent(event)) return [];
    return (this.voteEvent.errors ?? []).map((error) => `${where}${error.instancePath}: ${error.message}`);
  }
}

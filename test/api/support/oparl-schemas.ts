/**
 * The official OParl 1.1 JSON schemas, loaded from ../shared/oparl-1.1/schema (never copied into the repository).
 * They use non-standard keywords (references, backreference, schema, cardinality) and format "url", so ajv runs with
 * strict mode off, a "url" format, and non-unicode patterns (they escape ":"). Ajv ignores the "schema" keyword that marks embedded objects, so validateOParl
 * follows it by hand: an embedded Location, File, AgendaItem, Membership... is checked against its own schema too.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const oparlSchemaDir = path.resolve(repoRoot, '../shared/oparl-1.1/schema');

interface PropertySchema {
  type?: string;
  schema?: string;
  items?: { type?: string; schema?: string };
}
interface ObjectSchema {
  title: string;
  properties: Record<string, PropertySchema>;
}

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

export class OParlSchemas {
  private readonly validators = new Map<string, ValidateFunction>();
  private readonly schemas = new Map<string, ObjectSchema>();

  constructor(dir = oparlSchemaDir) {
    const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
    addFormats(ajv);
    ajv.addFormat('url', { type: 'string', validate: (value: string) => URL.canParse(value) && /^https?:\/\//.test(value) });
    for (const file of fs.readdirSync(dir).filter((name) => name.endsWith('.json'))) {
      const schema = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as ObjectSchema;
      this.schemas.set(schema.title, schema);
      this.validators.set(schema.title, ajv.compile(schema));
    }
  }

  get types(): string[] {
    return [...this.schemas.keys()];
  }

  /** Problems of one object and of every object embedded in it, as "where: message" lines; empty when valid. */
  validate(object: unknown, where = '$'): string[] {
    const typeUrl = (object as { type?: unknown })?.type;
    const match = typeof typeUrl === 'string' ? /^https:\/\/schema\.oparl\.org\/1\.1\/(\w+)$/.exec(typeUrl) : null;
    if (!match) return [`${where}: not an OParl 1.1 object (type ${JSON.stringify(typeUrl)})`];
    const title = match[1]!;
    const validator = this.validators.get(title);
    const schema = this.schemas.get(title);
    if (!validator || !schema) return [`${where}: no schema for ${title}`];
    const problems = validator(object) ? [] : (validator.errors ?? []).map((error) => `${where}${error.instancePath}: ${error.message} (${title})`);
    for (const [name, property] of Object.entries(schema.properties)) {
      const value = (object as Record<string, unknown>)[name];
      if (value === undefined) continue;
      if (property.type === 'object' && property.schema) problems.push(...this.validateEmbedded(value, property.schema, `${where}.${name}`));
      if (property.type === 'array' && property.items?.type === 'object' && property.items.schema && Array.isArray(value)) {
        value.forEach((item, index) => problems.push(...this.validateEmbedded(item, property.items!.schema!, `${where}.${name}[${index}]`)));
      }
    }
    return problems;
  }

  private validateEmbedded(value: unknown, schemaFile: string, where: string): string[] {
    const expected = schemaFile.replace(/\.json$/, '');
    const typeUrl = (value as { type?: unknown })?.type;
    if (typeUrl !== `https://schema.oparl.org/1.1/${expected}`) return [`${where}: expected an embedded ${expected}, got type ${JSON.stringify(typeUrl)}`];
    return this.validate(value, where);
  }
}

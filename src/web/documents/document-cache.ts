/**
 * Generated public documents of one data version, least recently used first. Laying out a pack takes seconds, and
 * the same pack is downloaded many times between changes; a new data version empties the cache, so a download never
 * shows records older than the database.
 */
import type { GeneratedDocument } from '../../services/documents/meeting-documents.ts';

const MAX_BYTES = 64 * 1024 * 1024;

export class DocumentCache {
  private version = '';
  private entries = new Map<string, GeneratedDocument>();
  private bytes = 0;

  constructor(private readonly maxBytes = MAX_BYTES) {}

  private at(version: string): void {
    if (version === this.version) return;
    this.version = version;
    this.entries.clear();
    this.bytes = 0;
  }

  get(version: string, key: string): GeneratedDocument | undefined {
    this.at(version);
    const entry = this.entries.get(key);
    if (entry) {
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry;
  }

  set(version: string, key: string, document: GeneratedDocument): void {
    this.at(version);
    if (document.bytes.length > this.maxBytes) return;
    const old = this.entries.get(key);
    if (old) this.bytes -= old.bytes.length;
    this.entries.delete(key);
    this.entries.set(key, document);
    this.bytes += document.bytes.length;
    for (const [oldestKey, oldest] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldestKey);
      this.bytes -= oldest.bytes.length;
    }
  }
}

/**
 * What a receipt file is, judged by its first bytes rather than by the name or the browser's say-so: a scheme pays
 * at cost only against a ticket or receipt an officer can open, so only PDFs and photographs (PNG, JPEG) are taken.
 */
export type ReceiptMediaType = 'application/pdf' | 'image/png' | 'image/jpeg';

const SIGNATURES: Array<[ReceiptMediaType, number[]]> = [
  ['application/pdf', [0x25, 0x50, 0x44, 0x46, 0x2d]], // %PDF-
  ['image/png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['image/jpeg', [0xff, 0xd8, 0xff]],
];

export function receiptMediaType(bytes: Uint8Array): ReceiptMediaType | undefined {
  return SIGNATURES.find(([, signature]) => signature.every((byte, i) => bytes[i] === byte))?.[0];
}

/** Receipts larger than this are refused: a phone photograph is a few megabytes. */
export const MAX_RECEIPT_BYTES = 10 * 1024 * 1024;

import mammoth from 'mammoth';
import { htmlToLines } from './html.ts';
import { ReadError } from './read-error.ts';

export interface DocxText {
  lines: string[];
  warnings: string[];
}

/**
 * DOCX -> lines by way of HTML, so Word tables come out as tab-separated rows exactly as HTML
 * tables do, rather than as the one-cell-per-paragraph stream mammoth's raw text would give.
 */
export async function readDocx(bytes: Uint8Array, file: string): Promise<DocxText> {
  let result: Awaited<ReturnType<typeof mammoth.convertToHtml>>;
  try {
    result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        // Images carry no text; without this mammoth base64-encodes every one into the HTML.
        convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
        // A document on a server must never make mammoth read other files it links to.
        externalFileAccess: false,
      },
    );
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new ReadError(file, `DOCX is damaged or not a Word document: ${detail}`, { cause: error });
  }
  const warnings = [...new Set(result.messages.map((message) => `DOCX: ${message.message}`))];
  return { lines: htmlToLines(result.value), warnings };
}

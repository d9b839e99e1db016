import { invalid } from '../../domain/errors.ts';
import { decodeWindows1252 } from './windows-1252.ts';

/**
 * Encodings a text file is read in. Latin-1 files read as Windows-1252, its superset (as browsers do):
 * the two differ only on control characters no spreadsheet writes.
 */
export type TextEncoding = 'utf-8' | 'windows-1252';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

const hasUtf8Bom = (bytes: Uint8Array) => UTF8_BOM.every((b, i) => bytes[i] === b);
const hasUtf16Bom = (bytes: Uint8Array) =>
  (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);

function strictUtf8(bytes: Uint8Array): string | null {
  try {
    // The decoder drops a leading BOM itself.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Bytes → text. Without `encoding`: UTF-8 (with or without BOM), or Windows-1252 when the bytes are not
 * valid UTF-8 — what spreadsheets save as « CSV » on French Windows. An explicit `encoding` wins.
 * UTF-16 and binary content are refused with a French message saying what to do.
 */
export function decodeText(bytes: Uint8Array, encoding?: TextEncoding): DecodedText {
  if (hasUtf16Bom(bytes)) {
    throw invalid(
      'Fichier encodé en UTF-16 : enregistrez-le au format « CSV UTF-8 (délimité par des points-virgules) »',
    );
  }
  if (bytes.includes(0)) {
    throw invalid('Fichier illisible : ce n’est ni un CSV ni un autre fichier texte, ni un classeur XLSX');
  }
  if (encoding === 'windows-1252') {
    return { text: decodeWindows1252(bytes), encoding };
  }
  const utf8 = strictUtf8(bytes);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };
  if (encoding === 'utf-8' || hasUtf8Bom(bytes)) {
    throw invalid(
      'Le fichier n’est pas en UTF-8 valide, alors qu’il est annoncé comme tel : enregistrez-le à nouveau ' +
        'au format « CSV UTF-8 », puis importez-le',
    );
  }
  return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
}

import { COLUMN_DOCS } from '../../domain/registry/import-columns.ts';
import { toFrenchCsv } from '../../kernel/tabular/write-csv.ts';
import { toXlsx, XLSX_CONTENT_TYPE } from '../../kernel/tabular/write-xlsx.ts';
import type { ExportFile } from '../exports/registry-exports.ts';
import { DATA_SHEET } from './import-file.ts';

const NAME = 'modele-import-dynamiques';

/**
 * The import template: header, one example line and the documentation of every column (comment lines
 * starting with « # » after the data in CSV, a second sheet in XLSX). It imports as is.
 */
export async function importTemplate(format: 'csv' | 'xlsx'): Promise<ExportFile> {
  const header = COLUMN_DOCS.map((c) => c.name);
  const example = COLUMN_DOCS.map((c) => c.example);
  if (format === 'xlsx') {
    const body = await toXlsx([
      { name: DATA_SHEET, header, rows: [example] },
      {
        name: 'Colonnes',
        header: ['colonne', 'obligatoire', 'description', 'exemple'],
        rows: COLUMN_DOCS.map((c) => [c.name, c.required, c.description, c.example]),
        widths: [14, 24, 100, 40],
      },
    ]);
    return { filename: `${NAME}.xlsx`, contentType: XLSX_CONTENT_TYPE, body };
  }
  const docs = [
    '# Colonnes (les lignes commençant par « # » sont ignorées à l’import) :',
    ...COLUMN_DOCS.map(
      (c) => `# ${c.name} — obligatoire : ${c.required} — ${c.description.replace(/;/g, ',')}`,
    ),
    '# Listes séparées par des virgules. Fichier en UTF-8, colonnes séparées par point-virgule ou virgule.',
  ];
  const body = `${toFrenchCsv(header, [example])}${docs.join('\r\n')}\r\n`;
  return { filename: `${NAME}.csv`, contentType: 'text/csv; charset=utf-8', body };
}

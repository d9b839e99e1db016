import { ACTION_COLUMNS, rowFromAction } from '../domain/actions/import-columns.ts';
import type { ActionFilters } from '../domain/actions/schemas.ts';
import type { Actor } from '../domain/actor.ts';
import { CSV, XLSX } from '../domain/kernel/responses.ts';
import { toFrenchCsv } from '../kernel/tabular/write-csv.ts';
import { toXlsx } from '../kernel/tabular/write-xlsx.ts';
import type { ActionSearchService } from './action-search.service.ts';

export const ACTIONS_SHEET = 'Actions';

/** CSV and XLSX of the actions matching the filters, in the import's columns: an export imports back unchanged. */
export class ActionExports {
  constructor(private readonly search: ActionSearchService) {}

  async export(_actor: Actor, filters: ActionFilters, format: 'csv' | 'xlsx') {
    const found = await this.search.matching(filters);
    const header = [...ACTION_COLUMNS];
    const rows = found.map((a) => rowFromAction(a.id, a.doc));
    if (format === 'csv') {
      return {
        contentType: `${CSV}; charset=utf-8`,
        filename: 'actions.csv',
        body: toFrenchCsv(header, rows),
      };
    }
    return {
      contentType: XLSX,
      filename: 'actions.xlsx',
      body: await toXlsx([{ name: ACTIONS_SHEET, header, rows }]),
    };
  }
}

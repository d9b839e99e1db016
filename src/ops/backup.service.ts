import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { requirePermission } from '../auth/auth.service.ts';
import type { DatabaseKind } from '../db/database.ts';
import { listMigrationFiles } from '../db/migrate.ts';
import type { Actor } from '../domain/actor.ts';
import { invalid } from '../domain/errors.ts';
import { type ProgressReporter, silentProgress } from '../kernel/progress.ts';
import type { BackupRepository } from './backup.repository.ts';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  type BackupHeader,
  END_MARKER,
  expectLine,
  parseHeader,
  readLines,
  requireLine,
  tableMarker,
} from './backup-format.ts';

export interface RestoreSummary {
  header: BackupHeader;
  tables: number;
  lignes: number;
  /** Migrations newer than the file, applied after its rows were loaded. */
  migrationsAppliquees: number[];
}

/** Rows inserted per statement: large enough to be quick, small enough for one contour geometry batch. */
const INSERT_BATCH_CHARS = 4 * 1024 * 1024;
const INSERT_BATCH_ROWS = 2000;

async function write(out: Writable, text: string): Promise<void> {
  if (!out.write(text)) await once(out, 'drain');
}

export class BackupService {
  constructor(
    private readonly repo: BackupRepository,
    private readonly engine: DatabaseKind,
  ) {}

  /**
   * Writes a logical backup of every table to `out` (uncompressed text: the caller chooses gzip or not),
   * read from one snapshot, so that writes made meanwhile are either wholly in it or not at all.
   */
  async backup(
    actor: Actor,
    out: Writable,
    progress: ProgressReporter = silentProgress,
  ): Promise<BackupHeader> {
    requirePermission(actor, 'sauvegarde');
    return this.repo.snapshot(async (trx) => {
      const shapes = await this.repo.tables(trx);
      const tables = [];
      for (const s of shapes)
        tables.push({ nom: s.name, colonnes: s.columns, lignes: await this.repo.countRows(trx, s.name) });
      const header: BackupHeader = {
        format: BACKUP_FORMAT,
        version: BACKUP_FORMAT_VERSION,
        migration: await this.repo.migrationLevel(trx),
        date: new Date().toISOString(),
        moteur: this.engine,
        tables,
      };
      const total = tables.reduce((sum, t) => sum + t.lignes, 0);
      let done = 0;
      await write(out, `${JSON.stringify(header)}\n`);
      for (const shape of shapes) {
        await write(out, `${tableMarker(shape.name)}\n`);
        for await (const batch of this.repo.rows(trx, shape)) {
          await write(out, `${batch.join('\n')}\n`);
          done += batch.length;
          progress({ step: 'sauvegarde', done, total });
        }
      }
      await write(out, `${END_MARKER}\n`);
      return header;
    });
  }

  /**
   * Replaces the whole database by the content of a backup, in one transaction: the schema is rebuilt by the
   * migrations up to the file's level, the rows loaded, then the newer migrations applied. Any error (a file
   * cut short, a row the schema refuses) rolls everything back and the database stays as it was.
   */
  async restore(
    actor: Actor,
    text: AsyncIterable<Buffer | string>,
    progress: ProgressReporter = silentProgress,
  ): Promise<RestoreSummary> {
    requirePermission(actor, 'sauvegarde');
    const lines = readLines(text)[Symbol.asyncIterator]();
    const next = async () => (await lines.next()).value as string | undefined;
    const header = parseHeader(await next());
    const codeLevel = listMigrationFiles().at(-1)?.version ?? 0;
    if (header.migration > codeLevel) {
      throw invalid(
        `Cette sauvegarde vient d’une version plus récente de l’application (migration ${header.migration}, ` +
          `celle-ci s’arrête à ${codeLevel}) : installez cette version ou une plus récente pour la restaurer.`,
      );
    }
    const total = header.tables.reduce((sum, t) => sum + t.lignes, 0);
    const names = header.tables.map((t) => t.nom);
    const applied = await this.repo.transaction(async (trx) => {
      await this.repo.dropSchemaObjects(trx);
      await this.repo.migrate(trx, header.migration);
      const known = new Set((await this.repo.tables(trx)).map((t) => t.name));
      const unknown = names.filter((n) => !known.has(n));
      if (unknown.length > 0) {
        throw invalid(
          `Sauvegarde incompatible : tables inconnues à la migration ${header.migration} : ${unknown.join(', ')}`,
        );
      }
      await this.repo.emptyForRestore(trx, [...known]);
      let done = 0;
      for (const table of header.tables) {
        expectLine(await next(), tableMarker(table.nom), `table ${table.nom}`);
        let batch: string[] = [];
        let size = 0;
        const flush = async () => {
          if (batch.length === 0) return;
          await this.repo.insertRows(trx, table.nom, table.colonnes, batch);
          done += batch.length;
          progress({ step: 'restauration', done, total });
          batch = [];
          size = 0;
        };
        for (let i = 0; i < table.lignes; i++) {
          const row = requireLine(await next(), `table ${table.nom}, ligne ${i + 1}`);
          batch.push(row);
          size += row.length;
          if (size >= INSERT_BATCH_CHARS || batch.length >= INSERT_BATCH_ROWS) await flush();
        }
        await flush();
      }
      expectLine(await next(), END_MARKER, 'fin du fichier');
      await this.repo.enableTriggers(trx, [...known]);
      await this.repo.resetSequences(trx);
      return this.repo.migrate(trx);
    });
    await this.repo.analyze();
    return {
      header,
      tables: header.tables.length,
      lignes: total,
      migrationsAppliquees: applied.map((m) => m.version),
    };
  }
}

import { AppError } from '../../domain/errors.ts';

/** How messages name a kind of record: « La fiche », « L’entrée », feminine or not. */
export interface RecordNoun {
  /** Subject with its article, capitalised: « La notice ». */
  subject: string;
  feminine: boolean;
  /** The 404 message for an unknown identifier. */
  missing: (id: string) => string;
}

/** 412: the record moved on since the version the writer read. */
export function staleVersion(noun: RecordNoun, version: number): AppError {
  const modified = noun.feminine ? 'modifiée' : 'modifié';
  const pronoun = noun.feminine ? 'la' : 'le';
  return new AppError(
    'precondition_failed',
    `${noun.subject} a été ${modified} entre-temps (version actuelle ${version}) : rechargez-${pronoun} avant d’enregistrer`,
  );
}

export interface VersionedStore<Row extends { version: number }, Trx> {
  noun: RecordNoun;
  read(id: string, trx?: Trx): Promise<Row | undefined>;
  transaction<T>(run: (trx: Trx) => Promise<T>): Promise<T>;
}

/**
 * A conditional write, prepared once the current row is known and run inside the transaction; it answers
 * false when its `where version = expected` matched no row (someone wrote or deleted in between).
 */
export type PreparedWrite<Trx> = (trx: Trx) => Promise<boolean>;

/**
 * The one optimistic-concurrency rule of the project, for every kind of versioned record: a write names the
 * version it was based on; it is refused with 412 when the record has moved on, 404 when it is gone, and the
 * check is repeated inside the transaction so two writers racing past the first check cannot both win.
 */
export class VersionedRecords<Row extends { version: number }, Trx> {
  constructor(private readonly store: VersionedStore<Row, Trx>) {}

  async require(id: string, trx?: Trx): Promise<Row> {
    const row = await this.store.read(id, trx);
    if (!row) throw new AppError('not_found', this.store.noun.missing(id));
    return row;
  }

  /** Checks `expected` against the stored row, lets `prepare` validate and build the write, then runs it. */
  async write(
    id: string,
    expected: number,
    prepare: (current: Row) => Promise<PreparedWrite<Trx>> | PreparedWrite<Trx>,
  ): Promise<Row> {
    const current = await this.require(id);
    if (current.version !== expected) throw staleVersion(this.store.noun, current.version);
    const run = await prepare(current);
    await this.store.transaction(async (trx) => {
      if (await run(trx)) return;
      const now = await this.store.read(id, trx);
      throw now
        ? staleVersion(this.store.noun, now.version)
        : new AppError('not_found', this.store.noun.missing(id));
    });
    return current;
  }
}

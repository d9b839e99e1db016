import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { systemActor } from '../../domain/actor.ts';
import { type NoticeInput, noticeInput } from '../../domain/resources/schemas.ts';
import { mergeSeedNotices, seedNoticeFile } from '../../domain/resources/seed-notices.ts';
import type { SeedLedger } from '../../kernel/seeds/seed-ledger.ts';
import type { NoticeService } from '../notice.service.ts';

export const SEED_NOTICES_DIR = fileURLToPath(new URL('../../../data-seed/ressources/', import.meta.url));
export const SEED_NOTICES_LAYER = 'ressources_documents_reference';
export const SEED_NOTICES_DESCRIPTION = 'Ressources des documents de référence';
/** Arbitrary key of the advisory lock taken while the seed notices load (servers starting at once). */
const SEED_LOCK = 2022_06_01;

export class SeedNoticesError extends Error {
  override name = 'SeedNoticesError';
}

/** One notice of one seed file. */
export interface SeedEntry {
  slug: string;
  cle: string;
  notice: NoticeInput;
}

export interface SeedNoticesResult {
  skipped: boolean;
  vintage: string | null;
  /** Change set of this load; null when nothing was written. */
  lot: string | null;
  /** Notices read, notices created, and notices that were another one's duplicate. */
  lues: number;
  crees: number;
  doublons: number;
  /** `${slug}/${cle}` → notice id, for every seed notice found in the base. */
  ids: Map<string, string>;
}

/** Reads and validates every seed file; an invalid notice throws, naming the file and its `cle`. */
export function readSeedNotices(dir: string = SEED_NOTICES_DIR): {
  entries: SeedEntry[];
  vintage: string | null;
} {
  if (!fs.existsSync(dir)) return { entries: [], vintage: null };
  const names = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  if (names.length === 0) return { entries: [], vintage: null };
  const hash = createHash('sha256');
  const entries: SeedEntry[] = [];
  for (const name of names) {
    const text = fs.readFileSync(path.join(dir, name), 'utf8');
    hash.update(name).update('\0').update(text).update('\0');
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (e) {
      throw new SeedNoticesError(`Fichier de ressources illisible ${name} : ${(e as Error).message}`);
    }
    const file = seedNoticeFile.safeParse(raw);
    if (!file.success) {
      const issues = file.error.issues.map((i) => `${i.path.join('.')} : ${i.message}`).slice(0, 5);
      throw new SeedNoticesError(`Fichier de ressources ${name} invalide — ${issues.join(' ; ')}`);
    }
    const slug = name.slice(0, -'.json'.length);
    const seen = new Set<string>();
    for (const { cle, ...rest } of file.data.notices) {
      if (seen.has(cle)) throw new SeedNoticesError(`${name} : cle « ${cle} » en double`);
      seen.add(cle);
      const parsed = noticeInput.safeParse(rest);
      if (!parsed.success) {
        const issues = parsed.error.issues.map((i) => `${i.path.join('.')} : ${i.message}`).slice(0, 5);
        throw new SeedNoticesError(`${name} : notice « ${cle} » invalide — ${issues.join(' ; ')}`);
      }
      entries.push({ slug, cle, notice: parsed.data });
    }
  }
  return { entries, vintage: `sha256-${hash.digest('hex').slice(0, 16)}` };
}

/** What becomes of each seed entry: a stored notice, a notice to create, or another entry's duplicate. */
type Resolution = { existing: string } | { create: number } | { sameAs: number };

/**
 * Loads the notices cited by the reference documents (data-seed/ressources/*.json) as one change set.
 * Duplicates across documents (same DOI, URL, or folded title and year) become one notice whose tags
 * are merged; a notice already in the base is not written again. Skipped when this version of the files
 * is already loaded; with new or changed files, only the notices missing from the base are added.
 * Either way, returns where every seed notice is, matched again by duplicate detection.
 */
export async function loadSeedNotices(
  ledger: SeedLedger,
  notices: NoticeService,
  options: { dir?: string; layer?: string } = {},
): Promise<SeedNoticesResult> {
  const layer = options.layer ?? SEED_NOTICES_LAYER;
  const { entries, vintage } = readSeedNotices(options.dir);
  const base = { vintage, lot: null, lues: entries.length, crees: 0 };
  if (!vintage) return { ...base, skipped: true, doublons: 0, ids: new Map() };

  const matches = await notices.findDuplicates(entries.map((e) => e.notice));
  const resolutions: Resolution[] = matches.map((m, i) =>
    m.existant ? { existing: m.existant.id } : m.dansLaListe ? { sameAs: m.dansLaListe.rang } : { create: i },
  );
  const loaded = await ledger.loadedVintage(layer);
  const toCreate = new Map<number, NoticeInput>();
  for (const [i, r] of resolutions.entries()) {
    if ('create' in r) toCreate.set(i, (entries[i] as SeedEntry).notice);
  }
  for (const [i, r] of resolutions.entries()) {
    if (!('sameAs' in r)) continue;
    const kept = toCreate.get(r.sameAs);
    if (kept) toCreate.set(r.sameAs, mergeSeedNotices(kept, (entries[i] as SeedEntry).notice));
  }
  const doublons = resolutions.filter((r) => 'sameAs' in r).length;

  const record = { name: layer, source: 'data-seed/ressources/*.json', rowCount: entries.length };
  const idOf = new Map<number, string>();
  let lot: string | null = null;
  if (loaded !== vintage && toCreate.size > 0) {
    const ranks = [...toCreate.keys()];
    try {
      const created = await notices.createMany(systemActor('démarrage'), [...toCreate.values()], {
        description: SEED_NOTICES_DESCRIPTION,
        inTransaction: async (trx) => {
          await ledger.lock(trx, SEED_LOCK);
          if ((await ledger.loadedVintage(layer, trx)) === vintage) throw new AlreadyLoaded();
          await ledger.record(trx, { ...record, vintage });
        },
      });
      lot = created.lot;
      for (const [k, rank] of ranks.entries()) idOf.set(rank, created.ids[k] as string);
    } catch (e) {
      // Another server loaded the same files meanwhile: nothing was written here; match them again.
      if (e instanceof AlreadyLoaded) return loadSeedNotices(ledger, notices, options);
      const detail = (e as Error).message;
      throw new SeedNoticesError(`Ressources des documents de référence refusées — ${detail}`);
    }
  } else if (loaded !== vintage) {
    await ledger.recordNow({ ...record, vintage });
  }

  const ids = new Map<string, string>();
  const resolve = (i: number): string | undefined => {
    const r = resolutions[i] as Resolution;
    if ('existing' in r) return r.existing;
    if ('create' in r) return idOf.get(i);
    return resolve(r.sameAs);
  };
  entries.forEach((e, i) => {
    const id = resolve(i);
    if (id) ids.set(`${e.slug}/${e.cle}`, id);
  });
  return { ...base, skipped: loaded === vintage, lot, crees: idOf.size, doublons, ids };
}

class AlreadyLoaded extends Error {}

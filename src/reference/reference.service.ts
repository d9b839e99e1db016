import type { Actor } from '../domain/actor.ts';
import type { ProgressReporter } from '../kernel/progress.ts';
import { type CogImportResult, importCog } from './cog/import-cog.ts';
import { type ContourImportOptions, importContours } from './contours/import-contours.ts';
import { type ContratVille, groupContrats } from './contrats-ville/contrats-ville.ts';
import { importContratsVille } from './contrats-ville/import-contrats-ville.ts';
import type { LayerImportOptions, LayerImportReport } from './import-report.ts';
import { importQpv } from './qpv/import-qpv.ts';
import type { ReferenceReader } from './reference.reader.ts';
import type { ReferenceRepository } from './reference.repository.ts';

/** Optional layers that come from files or URLs, with the command that adds each. */
export const OPTIONAL_LAYERS = [
  { layer: 'qpv', label: 'quartiers prioritaires (QPV)', command: 'reference import qpv' },
  { layer: 'contrats_ville', label: 'contrats de ville', command: 'reference import contrats-ville' },
  { layer: 'contours', label: 'contours administratifs (cartes)', command: 'reference import contours' },
] as const;

export class ReferenceService {
  constructor(
    private readonly repo: ReferenceRepository,
    private readonly onChange: () => void,
    private readonly reader: ReferenceReader,
  ) {}

  async importCog(
    _actor: Actor,
    options: { force?: boolean; progress?: ProgressReporter } = {},
  ): Promise<CogImportResult> {
    const result = await importCog(this.repo, options);
    if (!result.skipped) this.onChange();
    return result;
  }

  /** `source`: path or http(s) URL; without it, the official publication (see default-sources.ts). */
  importQpv(_actor: Actor, source: string | undefined, options: LayerImportOptions = {}) {
    return this.afterImport(importQpv(this.deps(), source, options));
  }

  importContratsVille(_actor: Actor, source: string | undefined, options: LayerImportOptions = {}) {
    return this.afterImport(importContratsVille(this.deps(), source, options));
  }

  importContours(_actor: Actor, sources: string[] | undefined, options: ContourImportOptions = {}) {
    return this.afterImport(importContours(this.deps(), sources, options));
  }

  /** Every contrat de ville loaded, with its territories and covered communes (empty when not loaded). */
  async listContratsVille(): Promise<ContratVille[]> {
    const [rows, communes] = await Promise.all([
      this.reader.contratsVille(),
      this.reader.contratVilleCommunes(),
    ]);
    return groupContrats(rows, communes);
  }

  layers() {
    return this.repo.layers();
  }

  /** Optional layers not loaded yet, so start-up can say what is missing and how to add it. */
  async missingLayers() {
    const loaded = new Set((await this.repo.layers()).map((l) => l.layer));
    return OPTIONAL_LAYERS.filter((l) => !loaded.has(l.layer));
  }

  private deps() {
    return { repo: this.repo, reader: this.reader };
  }

  private async afterImport(pending: Promise<LayerImportReport>): Promise<LayerImportReport> {
    const report = await pending;
    if (report.written) this.onChange();
    return report;
  }
}

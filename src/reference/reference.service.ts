import type { Actor } from '../domain/actor.ts';
import { type CogImportResult, importCog } from './cog/import-cog.ts';
import type { ProgressReporter } from './progress.ts';
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
  ) {}

  async importCog(
    _actor: Actor,
    options: { force?: boolean; progress?: ProgressReporter } = {},
  ): Promise<CogImportResult> {
    const result = await importCog(this.repo, options);
    if (!result.skipped) this.onChange();
    return result;
  }

  layers() {
    return this.repo.layers();
  }

  /** Optional layers not loaded yet, so start-up can say what is missing and how to add it. */
  async missingLayers() {
    const loaded = new Set((await this.repo.layers()).map((l) => l.layer));
    return OPTIONAL_LAYERS.filter((l) => !loaded.has(l.layer));
  }
}

import type { DynamicInput } from '../../src/domain/registry/schemas.ts';

let counter = 0;

/** A valid dynamic input; override any field. Names are unique so tests sharing a server don't collide. */
export function dynamicInput(
  overrides: Partial<Record<keyof DynamicInput, unknown>> = {},
): Record<string, unknown> {
  counter += 1;
  return {
    type: 'CLS',
    nom: `Contrat local de santé test ${process.pid}-${counter}-${Math.random().toString(36).slice(2, 8)}`,
    statut: 'actif',
    porteur: { nom: 'Ville de Saint-Étienne', type: 'commune', code: '42218' },
    perimetre: { communes: ['42218'] },
    dateDebut: '2013-05-01',
    ...overrides,
  };
}

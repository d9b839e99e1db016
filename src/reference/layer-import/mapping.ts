import { DYNAMIC_KINDS, STATUSES } from '../../domain/registry/kinds.ts';
import { z } from '../../domain/zod-fr.ts';

/** A field of the source, or a fixed value; with `valeurs`, source values translated to ours. */
const fieldRef = <T extends z.ZodType>(value: T) =>
  z.union([
    z.string().min(1),
    z.object({ champ: z.string().min(1), valeurs: z.record(z.string(), value).optional() }),
    z.object({ valeur: value }),
  ]);

/**
 * The saved correspondence between a published layer's fields and the registry's (a JSON file kept
 * beside the command that refreshes the layer). Example in src/reference/layer-import/README.md.
 */
export const layerMapping = z.object({
  /** Name of the layer: prefix of the keys of its records (`<couche>:<id>`). */
  couche: z
    .string()
    .regex(/^[a-z0-9][a-z0-9_.-]{1,60}$/, 'nom de couche : lettres minuscules, chiffres, - _ .'),
  titre: z.string().min(1).max(300),
  /** WFS layer name (`typeNames`), when the source is a WFS service address. */
  typeName: z.string().max(200).optional(),
  cle: z.string().min(1),
  type: fieldRef(z.enum(DYNAMIC_KINDS)),
  nom: z.string().min(1),
  statut: fieldRef(z.enum(STATUSES)).optional(),
  dateDebut: z.string().optional(),
  dateFin: z.string().optional(),
  porteur: z.string().optional(),
  /** Field holding INSEE codes (a list, or text separated by `,` `;` or spaces); else the geometry. */
  communes: z.string().optional(),
  /** A filtered layer must not stop the records it does not list. */
  partielle: z.boolean().default(false),
});
export type LayerMapping = z.infer<typeof layerMapping>;
export type FieldRef<T> = string | { champ: string; valeurs?: Record<string, T> | undefined } | { valeur: T };

/** The value of a mapped field for one feature's properties: the translated value, or an error. */
export function resolveField<T extends string>(
  ref: FieldRef<T>,
  props: Record<string, unknown>,
  allowed: readonly T[],
): { value: T } | { error: string } {
  if (typeof ref !== 'string' && 'valeur' in ref) return { value: ref.valeur };
  const champ = typeof ref === 'string' ? ref : ref.champ;
  const raw = String(props[champ] ?? '').trim();
  const translated = typeof ref === 'string' ? undefined : ref.valeurs?.[raw];
  const value = translated ?? raw;
  if ((allowed as readonly string[]).includes(value)) return { value: value as T };
  return { error: `valeur « ${raw} » du champ ${champ} sans correspondance (${allowed.join(', ')})` };
}

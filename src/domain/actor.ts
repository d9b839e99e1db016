/** Who performs an operation. Services take it first so that HTTP, CLI and campaigns share rules. */
export type Actor =
  | { kind: 'anonymous' }
  | { kind: 'system'; name: string }
  | {
      kind: 'user';
      id: string;
      email: string;
      role: string;
      /** Régions (INSEE codes) a regional team works in; empty = no regional limit. */
      regions: string[];
      /** Dynamics a coordinator is attached to. */
      dynamiques: string[];
      /** Set when the actor is an API token rather than a person's session. */
      jeton?: string;
    };

export const anonymous: Actor = { kind: 'anonymous' };
export const systemActor = (name: string): Actor => ({ kind: 'system', name });

export function actorLabel(actor: Actor): string {
  if (actor.kind === 'user') return actor.email;
  if (actor.kind === 'system') return actor.name;
  return 'anonyme';
}

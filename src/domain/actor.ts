/** Who performs an operation. Services take it first so that HTTP, CLI and campaigns share rules. */
export type Actor =
  | { kind: 'anonymous' }
  | { kind: 'system'; name: string }
  | { kind: 'user'; id: string; email: string; role: string };

export const anonymous: Actor = { kind: 'anonymous' };
export const systemActor = (name: string): Actor => ({ kind: 'system', name });

export function actorLabel(actor: Actor): string {
  if (actor.kind === 'user') return actor.email;
  if (actor.kind === 'system') return actor.name;
  return 'anonyme';
}

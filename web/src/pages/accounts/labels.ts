import { ROLE_LABELS, ROLES, type Role } from '@domain/auth/roles.ts';

export { ROLES, type Role };

/** The role as a person reads it; an unknown role (from a newer server) shown as it is. */
export function roleLabel(role: string): string {
  return (ROLE_LABELS as Record<string, string>)[role] ?? role;
}

/** "12/03/2025 à 14:05" in Paris time, or a dash. */
export function formatMoment(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '—';
  return d.toLocaleString('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'short', timeStyle: 'short' });
}

import { z } from '../zod-fr.ts';

/** Looks of the web interface: the project's own, or the State's design system (State services only). */
export const THEMES = ['neutre', 'dsfr'] as const;
export type Theme = (typeof THEMES)[number];

/** Accessibility status the operator declares (RGAA wording). */
export const ACCESSIBILITY_STATUSES = [
  'non conforme',
  'partiellement conforme',
  'totalement conforme',
] as const;
export type AccessibilityStatus = (typeof ACCESSIBILITY_STATUSES)[number];

/** The operator of an instance, as the interface and the documents show it. */
export const identityFields = {
  nom: z.string().min(1).max(120),
  description: z.string().max(400),
  /** Address of the logo served by the platform (`/identite/logo`), or null. */
  logo: z.string().nullable(),
  /** An e-mail address or a web address to reach the operator, or null. */
  contact: z.string().nullable(),
  accessibilite: z.enum(ACCESSIBILITY_STATUSES),
  theme: z.enum(THEMES),
};

/** What every page needs before its first paint (written into the page by the server). */
export const pageIdentity = z.object(identityFields);
export type PageIdentity = z.infer<typeof pageIdentity>;

/** GET /api/identite: the page identity, and the legal notice (text, paragraphs separated by blank lines). */
export const identityResponse = z.object({ ...identityFields, mentionsLegales: z.string() });
export type IdentityResponse = z.infer<typeof identityResponse>;

export const DEFAULT_PAGE_IDENTITY: PageIdentity = {
  nom: 'Observatoire DTS',
  description: 'Dynamiques territoriales de santé : registre, territoires, analyses',
  logo: null,
  contact: null,
  accessibilite: 'non conforme',
  theme: 'neutre',
};

/** `mailto:` for an e-mail address, the address itself for a web page. */
export function contactHref(contact: string): string {
  return /^https?:\/\//.test(contact) ? contact : `mailto:${contact}`;
}

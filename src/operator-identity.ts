import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import {
  ACCESSIBILITY_STATUSES,
  DEFAULT_PAGE_IDENTITY,
  type PageIdentity,
  THEMES,
} from './domain/identity/identity.ts';
import type { DocumentIdentity, DocumentLogo } from './kernel/documents/house-style.ts';

/**
 * The operator of an instance (ODTS_NOM, ODTS_DESCRIPTION, ODTS_LOGO, ODTS_CONTACT,
 * ODTS_MENTIONS_LEGALES, ODTS_ACCESSIBILITE, ODTS_THEME), or the same keys without the prefix in the JSON
 * file named by ODTS_SETTINGS; a variable wins over the file. Validated at start-up with the rest of
 * the configuration (src/config.ts).
 */
export interface OperatorIdentity extends Omit<PageIdentity, 'logo'> {
  /** Logo file on disk (PNG, JPEG, SVG or WebP), served at /identite/logo. */
  logoPath: string | null;
  mentionsLegales: string;
}

const LOGO_TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp',
};

export const DEFAULT_LEGAL_NOTICE =
  'Éditeur du site, directeur de la publication et hébergeur : à renseigner par l’exploitant ' +
  '(variable ODTS_MENTIONS_LEGALES).';

const emailOrUrl = z
  .string()
  .trim()
  .refine(
    (v) => /^https?:\/\/\S+$/.test(v) || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v),
    'doit être une adresse électronique ou une adresse web (https://…)',
  );

export const identitySettingsSchema = z.object({
  nom: z.string().trim().min(1).max(120).optional(),
  description: z.string().trim().max(400).optional(),
  logo: z
    .string()
    .trim()
    .min(1)
    .refine((p) => path.extname(p).toLowerCase() in LOGO_TYPES, 'doit être un fichier PNG, JPEG, SVG ou WebP')
    .refine((p) => fs.existsSync(p) && fs.statSync(p).isFile(), 'fichier introuvable')
    .optional(),
  contact: emailOrUrl.optional(),
  /** Text, or the path of a text file holding it. */
  mentionsLegales: z.string().trim().min(1).optional(),
  accessibilite: z.enum(ACCESSIBILITY_STATUSES).optional(),
  theme: z.enum(THEMES).optional(),
});
export type IdentitySettings = z.infer<typeof identitySettingsSchema>;

/** A value that names an existing file is read from it; anything else is the text itself. */
function textOrFile(value: string): string {
  if (value.length < 4096 && !value.includes('\n') && fs.existsSync(value) && fs.statSync(value).isFile()) {
    return fs.readFileSync(value, 'utf8').trim();
  }
  return value;
}

export function resolveIdentity(settings: IdentitySettings): OperatorIdentity {
  return {
    nom: settings.nom ?? DEFAULT_PAGE_IDENTITY.nom,
    description: settings.description ?? DEFAULT_PAGE_IDENTITY.description,
    logoPath: settings.logo ? path.resolve(settings.logo) : null,
    contact: settings.contact ?? null,
    accessibilite: settings.accessibilite ?? DEFAULT_PAGE_IDENTITY.accessibilite,
    theme: settings.theme ?? DEFAULT_PAGE_IDENTITY.theme,
    mentionsLegales: settings.mentionsLegales ? textOrFile(settings.mentionsLegales) : DEFAULT_LEGAL_NOTICE,
  };
}

export const DEFAULT_OPERATOR_IDENTITY: OperatorIdentity = resolveIdentity({});

export function logoMediaType(logoPath: string): string {
  return LOGO_TYPES[path.extname(logoPath).toLowerCase()] ?? 'application/octet-stream';
}

/** What the pages show: the logo as the address the platform serves it at. */
export function pageIdentityOf(identity: OperatorIdentity): PageIdentity {
  return {
    nom: identity.nom,
    description: identity.description,
    logo: identity.logoPath ? '/identite/logo' : null,
    contact: identity.contact,
    accessibilite: identity.accessibilite,
    theme: identity.theme,
  };
}

/** Height of the logo on documents' title pages, in points; the width keeps the image's proportions. */
const DOCUMENT_LOGO_HEIGHT = 40;

/** Pixel size of a PNG (IHDR) or JPEG (first SOF marker) image, or null for another format. */
export function imageSize(data: Uint8Array): { type: 'png' | 'jpg'; width: number; height: number } | null {
  const view = Buffer.from(data);
  if (view.length > 24 && view.readUInt32BE(0) === 0x89504e47) {
    return { type: 'png', width: view.readUInt32BE(16), height: view.readUInt32BE(20) };
  }
  if (view.length > 4 && view[0] === 0xff && view[1] === 0xd8) {
    let at = 2;
    while (at + 9 < view.length && view[at] === 0xff) {
      const marker = view[at + 1] ?? 0;
      const length = view.readUInt16BE(at + 2);
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { type: 'jpg', height: view.readUInt16BE(at + 5), width: view.readUInt16BE(at + 7) };
      }
      at += 2 + length;
    }
  }
  return null;
}

/** The publisher of generated documents: name, contact, and the logo when it is a PNG or a JPEG. */
export function documentIdentityOf(identity: OperatorIdentity): DocumentIdentity {
  const out: DocumentIdentity = { name: identity.nom };
  if (identity.contact) out.contact = identity.contact;
  if (identity.logoPath) {
    const data = fs.readFileSync(identity.logoPath);
    const size = imageSize(data);
    if (size && size.width > 0 && size.height > 0) {
      const logo: DocumentLogo = {
        type: size.type,
        data,
        height: DOCUMENT_LOGO_HEIGHT,
        width: Math.round((DOCUMENT_LOGO_HEIGHT * size.width) / size.height),
        alt: identity.nom,
      };
      out.logo = logo;
    }
  }
  return out;
}

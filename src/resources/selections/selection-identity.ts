import type { SelectionDocument } from '../../domain/resources/selection-document.ts';
import type { DocumentIdentity, DocumentLogo } from '../../kernel/documents/house-style.ts';
import { imageSize } from '../../operator-identity.ts';

/** Height of the author organisation's logo on the title page, in points (as the operator's). */
const LOGO_HEIGHT = 40;

/** The PNG or JPEG image of a `data:` address, sized for a title page; null when it cannot be read. */
export function logoOf(dataUrl: string | null, alt: string): DocumentLogo | null {
  const m = dataUrl ? /^data:image\/(?:png|jpeg);base64,(.+)$/.exec(dataUrl) : null;
  if (!m) return null;
  const data = Buffer.from(m[1] as string, 'base64');
  const size = imageSize(data);
  if (!size || size.width === 0 || size.height === 0) return null;
  return {
    type: size.type,
    data,
    height: LOGO_HEIGHT,
    width: Math.round((LOGO_HEIGHT * size.width) / size.height),
    alt,
  };
}

/**
 * Who publishes a sélection's documents: its first author organisation (an Ireps, a CRES) with the
 * logo the sélection carries; the operator itself (name, logo, contact) when the sélection names no
 * organisation or names the operator. The platform is credited in the colophon either way.
 */
export function selectionIdentity(doc: SelectionDocument, operator: DocumentIdentity): DocumentIdentity {
  const organisation = doc.organisations[0];
  const isOperator =
    !organisation || organisation.trim().toLowerCase() === operator.name.trim().toLowerCase();
  const name = isOperator ? operator.name : organisation;
  const own = logoOf(doc.logo, name);
  const logo = own ?? (isOperator ? operator.logo : undefined);
  return {
    name,
    ...(logo ? { logo } : {}),
    ...(isOperator && operator.contact ? { contact: operator.contact } : {}),
  };
}

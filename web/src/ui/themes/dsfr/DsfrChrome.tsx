import { headerFooterDisplayItem } from '@codegouvfr/react-dsfr/Display';
import { Footer } from '@codegouvfr/react-dsfr/Footer';
import { Header } from '@codegouvfr/react-dsfr/Header';
import { contactHref } from '@domain/identity/identity.ts';
import type { FooterProps, HeaderProps } from '../../chrome.ts';
import { identity } from '../../identity.ts';

const brandTop = (
  <>
    République
    <br />
    Française
  </>
);

const ACCESSIBILITY = {
  'non conforme': 'non compliant',
  'partiellement conforme': 'partially compliant',
  'totalement conforme': 'fully compliant',
} as const;

/** The State header: the République française block, then the service's name and menu. */
export function DsfrHeader({ navigation, quickAccess }: HeaderProps) {
  const id = identity();
  return (
    <Header
      id="en-tete"
      brandTop={brandTop}
      serviceTitle={id.nom}
      serviceTagline={id.description}
      homeLinkProps={{ href: '/', title: `Accueil — ${id.nom}` }}
      operatorLogo={id.logo ? { imgUrl: id.logo, alt: id.nom, orientation: 'horizontal' } : undefined}
      quickAccessItems={[
        headerFooterDisplayItem,
        ...quickAccess.map((item) => ({
          iconId: item.iconId ? (`fr-icon-${item.iconId}` as const) : ('fr-icon-arrow-right-line' as const),
          text: item.text,
          linkProps: { href: item.href },
        })),
      ]}
      navigation={navigation.map((item) => ({
        text: item.text,
        linkProps: { href: item.href },
        isActive: item.isActive ?? false,
      }))}
    />
  );
}

/** The State footer, with the accessibility status and the legal notice of the operator. */
export function DsfrFooter({ links }: FooterProps) {
  const id = identity();
  return (
    <Footer
      id="pied-de-page"
      accessibility={ACCESSIBILITY[id.accessibilite]}
      accessibilityLinkProps={{ href: '/a-propos#accessibilite' }}
      termsLinkProps={{ href: '/a-propos#mentions-legales' }}
      contentDescription={
        <>
          {id.description}
          {id.contact && (
            <>
              {' '}
              Contact : <a href={contactHref(id.contact)}>{id.contact}</a>
            </>
          )}
        </>
      }
      operatorLogo={id.logo ? { imgUrl: id.logo, alt: id.nom, orientation: 'horizontal' } : undefined}
      bottomItems={[
        { text: 'À propos', linkProps: { href: '/a-propos' } },
        ...links.map((l) => ({ text: l.text, linkProps: { href: l.href } })),
        headerFooterDisplayItem,
      ]}
      license={
        <>
          Sauf mention contraire, les contenus de ce site sont disponibles sous{' '}
          <a href="https://www.etalab.gouv.fr/licence-ouverte-open-licence/" target="_blank" rel="noreferrer">
            Licence Ouverte 2.0
          </a>
          .
        </>
      }
    />
  );
}

import { contactHref } from '@domain/identity/identity.ts';
import { Link } from '../router/Link.tsx';
import type { FooterProps } from './chrome.ts';
import { identity } from './identity.ts';

/** The neutral footer: who runs the site, how to reach them, the legal notice and accessibility status. */
export function NeutralFooter({ links }: FooterProps) {
  const id = identity();
  return (
    <footer id="pied-de-page" className="ui-footer">
      <div className="u-container">
        <div className="ui-footer__body">
          <p className="ui-footer__brand">
            {id.logo && <img className="ui-footer__logo" src={id.logo} alt="" />}
            {id.nom}
          </p>
          <div>
            {id.description && <p>{id.description}</p>}
            {id.contact && (
              <p>
                Contact : <a href={contactHref(id.contact)}>{id.contact}</a>
              </p>
            )}
          </div>
        </div>
        <ul className="ui-footer__links">
          <li>
            <Link href="/a-propos">À propos et mentions légales</Link>
          </li>
          <li>
            <Link href="/a-propos#accessibilite">Accessibilité : {id.accessibilite}</Link>
          </li>
          {links.map((l) => (
            <li key={l.href}>
              <Link href={l.href}>{l.text}</Link>
            </li>
          ))}
        </ul>
        <p className="ui-footer__licence">
          Logiciel libre Observatoire DTS, sous licence AGPL-3.0. Sources des données : voir{' '}
          <Link href="/a-propos#donnees">À propos</Link>.
        </p>
      </div>
    </footer>
  );
}

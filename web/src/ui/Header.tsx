import { Link } from '../router/Link.tsx';
import type { HeaderProps } from './chrome.ts';
import { DisplaySettings } from './DisplaySettings.tsx';
import { identity } from './identity.ts';
import { cls, iconClass, join } from './theme.ts';

/** The neutral header: the operator's logo and name, its description, quick links and the main menu. */
export function NeutralHeader({ navigation, quickAccess }: HeaderProps) {
  const id = identity();
  return (
    <header id="en-tete" className="ui-header">
      <div className="ui-header__body u-container">
        <div className="ui-header__brand">
          <Link href="/" className="ui-header__home" title={`Accueil — ${id.nom}`}>
            {id.logo && <img className="ui-header__logo" src={id.logo} alt="" />}
            <span className="ui-header__name">{id.nom}</span>
          </Link>
          {id.description && <p className="ui-header__tagline">{id.description}</p>}
        </div>
        <ul className="ui-header__tools">
          {quickAccess.map((item) => (
            <li key={item.href}>
              <Link
                href={item.href}
                className={join(
                  cls('btn', 'btn--tertiary-no-outline', 'btn--sm', item.iconId && 'btn--icon-left'),
                  iconClass(item.iconId),
                )}
              >
                {item.text}
              </Link>
            </li>
          ))}
          <li>
            <DisplaySettings />
          </li>
        </ul>
      </div>
      <nav id="en-tete-main-navigation" className="ui-nav" aria-label="Menu principal">
        <ul className="ui-nav__list u-container">
          {navigation.map((item) => (
            <li key={item.href}>
              <Link
                href={item.href}
                className="ui-nav__link"
                aria-current={item.isActive ? 'page' : undefined}
              >
                {item.text}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}

import type { ReactNode } from 'react';
import { Link } from '../router/Link.tsx';
import type { IconName } from './icons.ts';
import { cls, iconClass, join } from './theme.ts';

export interface BreadcrumbSegment {
  label: ReactNode;
  linkProps: { href: string };
}

/** Where the page sits: the home page, the segments, then the current page (not a link). */
export function Breadcrumb({
  currentPageLabel,
  segments,
  homeLinkProps = { href: '/' },
  className,
}: {
  currentPageLabel: ReactNode;
  segments: BreadcrumbSegment[];
  homeLinkProps?: { href: string };
  className?: string;
}) {
  return (
    <nav className={join(cls('breadcrumb'), className)} aria-label="vous êtes ici :">
      <ol className={cls('breadcrumb__list')}>
        <li>
          <Link className={cls('breadcrumb__link')} href={homeLinkProps.href}>
            Accueil
          </Link>
        </li>
        {segments.map((s) => (
          <li key={s.linkProps.href}>
            <Link className={cls('breadcrumb__link')} href={s.linkProps.href}>
              {s.label}
            </Link>
          </li>
        ))}
        <li>
          <span className={cls('breadcrumb__link')} aria-current="page">
            {currentPageLabel}
          </span>
        </li>
      </ol>
    </nav>
  );
}

/** Page numbers kept around the current one: first, last, and two on each side. */
export function pageWindow(count: number, current: number): (number | null)[] {
  const pages: (number | null)[] = [];
  for (let p = 1; p <= count; p++) {
    if (p === 1 || p === count || Math.abs(p - current) <= 2) pages.push(p);
    else if (pages[pages.length - 1] !== null) pages.push(null);
  }
  return pages;
}

/** Links to the pages of a long list; `getPageLinkProps` gives each page's address. */
export function Pagination({
  count,
  defaultPage,
  getPageLinkProps,
  showFirstLast = true,
  className,
}: {
  count: number;
  defaultPage: number;
  /** Links to the first and last pages (shown by default). */
  showFirstLast?: boolean;
  getPageLinkProps: (page: number) => { href: string };
  className?: string;
}) {
  const link = (page: number, label: ReactNode, modifier?: string, aria?: string) => {
    const current = page === defaultPage && !modifier;
    const unavailable = Boolean(modifier) && (page < 1 || page > count || page === defaultPage);
    const className = cls('pagination__link', modifier && `pagination__link--${modifier}`);
    if (unavailable)
      return (
        <span className={className} aria-disabled="true">
          {label}
        </span>
      );
    return (
      <Link
        className={className}
        href={getPageLinkProps(page).href}
        aria-current={current ? 'page' : undefined}
        aria-label={aria}
        title={aria}
      >
        {label}
      </Link>
    );
  };
  return (
    <nav className={join(cls('pagination'), className)} aria-label="Pagination">
      <ul className={cls('pagination__list')}>
        {showFirstLast && <li>{link(1, 'Première page', 'first')}</li>}
        <li>{link(defaultPage - 1, 'Page précédente', 'prev')}</li>
        {pageWindow(count, defaultPage).map((p, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the gaps have no identity of their own.
          <li key={i}>
            {p === null ? (
              <span className={cls('pagination__gap')}>…</span>
            ) : (
              link(p, p, undefined, `Page ${p}`)
            )}
          </li>
        ))}
        <li>{link(defaultPage + 1, 'Page suivante', 'next')}</li>
        {showFirstLast && <li>{link(count, 'Dernière page', 'last')}</li>}
      </ul>
    </nav>
  );
}

/** A text link with a decorative icon before it. */
export function TextLink({
  href,
  iconId,
  children,
  className,
}: {
  href: string;
  iconId?: IconName;
  children: ReactNode;
  className?: string;
}) {
  return (
    <Link
      href={href}
      className={join(cls('link', iconId && 'link--icon-left'), iconClass(iconId), className)}
    >
      {children}
    </Link>
  );
}

/** Links to jump over the header, read first by keyboard users. */
export function SkipLinks({ links }: { links: { anchor: string; label: string }[] }) {
  return (
    <div className={cls('skiplinks')}>
      <nav className={cls('container')} aria-label="Accès rapide">
        <ul className={cls('skiplinks__list')}>
          {links.map((l) => (
            <li key={l.anchor}>
              <a className={cls('link')} href={l.anchor}>
                {l.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
    </div>
  );
}

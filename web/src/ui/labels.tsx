import type { ReactNode } from 'react';
import { Link } from '../router/Link.tsx';
import type { Severity } from './Alert.tsx';
import { cls, join } from './theme.ts';

/** A short status word; `severity` colours it. */
export function Badge({
  severity,
  small,
  noIcon,
  children,
}: {
  severity?: Severity | 'new';
  small?: boolean;
  noIcon?: boolean;
  children: ReactNode;
}) {
  return (
    <p
      className={cls(
        'badge',
        severity && `badge--${severity}`,
        small && 'badge--sm',
        noIcon && 'badge--no-icon',
      )}
    >
      {children}
    </p>
  );
}

/** A keyword; with `href` a link to the list it filters. */
export function Tag({
  href,
  small,
  onClick,
  pressed,
  children,
  className,
}: {
  href?: string;
  small?: boolean;
  /** A tag that toggles a filter: a button, `pressed` when the filter is on. */
  onClick?: () => void;
  pressed?: boolean;
  children: ReactNode;
  className?: string;
}) {
  const c = join(cls('tag', small && 'tag--sm'), className);
  if (onClick)
    return (
      <button type="button" className={c} aria-pressed={pressed} onClick={onClick}>
        {children}
      </button>
    );
  return href ? (
    <Link className={c} href={href}>
      {children}
    </Link>
  ) : (
    <p className={c}>{children}</p>
  );
}

/** A keyword that removes itself: `ariaLabel` says what a click removes. */
export function DismissibleTag({
  children,
  ariaLabel,
  onDismiss,
}: {
  children: ReactNode;
  ariaLabel?: string;
  onDismiss: () => void;
}) {
  return (
    <button type="button" className={cls('tag', 'tag--dismiss')} aria-label={ariaLabel} onClick={onDismiss}>
      {children}
    </button>
  );
}

/** Keywords side by side. */
export function TagGroup({
  children,
  className,
  ariaLabel,
}: {
  children: ReactNode;
  className?: string;
  ariaLabel?: string;
}) {
  return (
    <ul className={join(cls('tags-group'), 'odts-chips', className)} aria-label={ariaLabel}>
      {children}
    </ul>
  );
}

/** A data table: bordered, scrolling sideways on narrow screens. Write `<caption>` inside. */
export function Table({
  children,
  bordered = true,
  noCaption,
  className,
}: {
  children: ReactNode;
  bordered?: boolean;
  /** The caption stays for screen readers but is not shown. */
  noCaption?: boolean;
  className?: string;
}) {
  return (
    <div
      className={join(
        cls('table', bordered && 'table--bordered', noCaption && 'table--no-caption'),
        'odts-table-wrap',
        className,
      )}
    >
      <table>{children}</table>
    </div>
  );
}

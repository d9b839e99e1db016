import type { AriaAttributes, ButtonHTMLAttributes, ReactNode } from 'react';
import { Link } from '../router/Link.tsx';
import type { IconName } from './icons.ts';
import { cls, iconClass, join } from './theme.ts';

export type ButtonPriority = 'primary' | 'secondary' | 'tertiary' | 'tertiary-no-outline';

interface Look {
  /** `primary` (default) filled, `secondary` outlined, `tertiary` light, `tertiary-no-outline` bare. */
  priority?: ButtonPriority;
  size?: 'small' | 'medium';
  /** Decorative icon beside the text. */
  iconId?: IconName;
  iconPosition?: 'left' | 'right';
  className?: string;
}

function buttonClass({ priority = 'primary', size, iconId, iconPosition = 'left', className }: Look) {
  return join(
    cls(
      'btn',
      priority !== 'primary' && `btn--${priority}`,
      size === 'small' && 'btn--sm',
      iconId && `btn--icon-${iconPosition}`,
    ),
    iconClass(iconId),
    className,
  );
}

export type ButtonProps = Look &
  AriaAttributes & {
    children: ReactNode;
    type?: 'button' | 'submit' | 'reset';
    onClick?: ButtonHTMLAttributes<HTMLButtonElement>['onClick'];
    disabled?: boolean;
    title?: string;
    /** Any other attribute of the native button (id, aria-*, form…). */
    nativeButtonProps?: ButtonHTMLAttributes<HTMLButtonElement> & Record<`data-${string}`, string>;
  };

/** A button; `type` defaults to "button" so that it never submits a form by surprise. */
export function Button({
  children,
  type = 'button',
  onClick,
  disabled,
  title,
  nativeButtonProps,
  priority,
  size,
  iconId,
  iconPosition,
  className,
  ...aria
}: ButtonProps) {
  const look = { priority, size, iconId, iconPosition, className };
  return (
    <button
      {...nativeButtonProps}
      {...aria}
      type={type}
      onClick={onClick}
      disabled={disabled}
      title={title}
      className={buttonClass(look)}
    >
      {children}
    </button>
  );
}

export type ButtonLinkProps = Look &
  AriaAttributes & {
    href: string;
    children: ReactNode;
    /** Files to save rather than pages to open. */
    download?: boolean | string;
    title?: string;
    id?: string;
  };

/** A link that looks like a button (a page to open or a file to download, never an action). */
export function ButtonLink({
  href,
  children,
  download,
  title,
  id,
  priority,
  size,
  iconId,
  iconPosition,
  className,
  ...aria
}: ButtonLinkProps) {
  const downloadAttr = download === true ? '' : download || undefined;
  const look = { priority, size, iconId, iconPosition, className };
  return (
    <Link {...aria} href={href} download={downloadAttr} title={title} id={id} className={buttonClass(look)}>
      {children}
    </Link>
  );
}

/** Buttons side by side (wrapping on narrow screens); write each button or link inside an `<li>`. */
export function ButtonGroup({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <ul className={join(cls('btns-group', 'btns-group--inline-md', 'btns-group--icon-left'), className)}>
      {children}
    </ul>
  );
}

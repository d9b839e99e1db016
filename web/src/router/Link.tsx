import type { AnchorHTMLAttributes, MouseEvent, ReactNode } from 'react';
import { navigate } from './history.ts';

export type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { href: string; children?: ReactNode };

function isInternal(href: string): boolean {
  return href.startsWith('/') && !href.startsWith('//') && !href.startsWith('/api/');
}

/** An anchor that changes page without reloading when it points inside the application. */
export function Link({ href, onClick, target, children, ...rest }: LinkProps) {
  const handle = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    if (target && target !== '_self') return;
    if (!isInternal(href) || rest.download !== undefined) return;
    e.preventDefault();
    navigate(href);
  };
  return (
    <a href={href} target={target} onClick={handle} {...rest}>
      {children}
    </a>
  );
}

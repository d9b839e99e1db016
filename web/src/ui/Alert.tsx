import type { ReactNode } from 'react';
import { cls, join } from './theme.ts';

export type Severity = 'info' | 'success' | 'warning' | 'error';

export interface AlertProps {
  severity: Severity;
  title?: ReactNode;
  description?: ReactNode;
  /** Compact alert: no title, the description alone. */
  small?: boolean;
  className?: string;
  /** Heading level of the title (h3 by default; pages keep their outline). */
  as?: 'h2' | 'h3' | 'h4';
}

/** A message framed by its severity. Pages wrap it in `role="alert"` when it must be announced. */
export function Alert({ severity, title, description, small, className, as: Title = 'h3' }: AlertProps) {
  return (
    <div className={join(cls('alert', `alert--${severity}`, small && 'alert--sm'), className)}>
      {title && <Title className={cls('alert__title')}>{title}</Title>}
      {description && (typeof description === 'string' ? <p>{description}</p> : <div>{description}</div>)}
    </div>
  );
}

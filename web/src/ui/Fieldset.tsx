import type { ReactNode } from 'react';
import { cls, join } from './theme.ts';

export interface FieldsetProps {
  legend: ReactNode;
  /** Help after the legend, read with it. */
  hint?: ReactNode;
  /** Id of the legend, for `aria-labelledby` (screen readers announce the group by it). */
  legendId?: string;
  id?: string;
  error?: boolean;
  /** Legend in body text rather than bold. */
  regularLegend?: boolean;
  className?: string;
  children: ReactNode;
}

/** Fields answering one question, under a legend. Lay its children out with `FieldsetItem`. */
export function Fieldset({
  legend,
  hint,
  legendId,
  id,
  error,
  regularLegend,
  className,
  children,
}: FieldsetProps) {
  return (
    <fieldset
      id={id}
      className={join(cls('fieldset', error && 'fieldset--error'), className)}
      aria-labelledby={legendId}
    >
      <legend id={legendId} className={cls('fieldset__legend', regularLegend && 'fieldset__legend--regular')}>
        {legend}
        {hint && (
          <>
            {' '}
            <span className={cls('hint-text')}>{hint}</span>
          </>
        )}
      </legend>
      {children}
    </fieldset>
  );
}

/** One row of a fieldset. */
export function FieldsetItem({
  className,
  id,
  focusable,
  children,
}: {
  className?: string;
  id?: string;
  /** Focus can be sent to the row (an error summary's link leads there). */
  focusable?: boolean;
  children: ReactNode;
}) {
  return (
    <div id={id} tabIndex={focusable ? -1 : undefined} className={join(cls('fieldset__element'), className)}>
      {children}
    </div>
  );
}

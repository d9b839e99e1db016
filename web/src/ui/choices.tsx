import { type InputHTMLAttributes, type ReactNode, useId } from 'react';
import type { FieldState } from './fields.tsx';
import { cls, join } from './theme.ts';

export interface ChoiceOption {
  label: ReactNode;
  hintText?: ReactNode;
  nativeInputProps?: InputHTMLAttributes<HTMLInputElement>;
}

interface ChoicesProps {
  options: ChoiceOption[];
  /** The question the choices answer; without it the boxes stand alone (a single checkbox). */
  legend?: ReactNode;
  hintText?: ReactNode;
  orientation?: 'vertical' | 'horizontal';
  state?: FieldState;
  stateRelatedMessage?: ReactNode;
  small?: boolean;
  id?: string;
  className?: string;
  name?: string;
}

function Choices({ type, ...p }: ChoicesProps & { type: 'checkbox' | 'radio' }) {
  const auto = useId();
  const base = p.id ?? auto;
  const group = type === 'checkbox' ? 'checkbox-group' : 'radio-group';
  const messageId = `${base}-message`;
  const hasMessage = p.state === 'error' && Boolean(p.stateRelatedMessage);
  const boxes = p.options.map((o, i) => {
    const inputId = o.nativeInputProps?.id ?? `${base}-${i}`;
    return (
      <div
        key={inputId}
        className={cls('fieldset__element', p.orientation === 'horizontal' && 'fieldset__element--inline')}
      >
        <div className={cls(group, p.small && `${group}--sm`)}>
          <input {...o.nativeInputProps} type={type} id={inputId} name={o.nativeInputProps?.name ?? p.name} />
          <label className={cls('label')} htmlFor={inputId}>
            {o.label}
            {o.hintText && <span className={cls('hint-text')}>{o.hintText}</span>}
          </label>
        </div>
      </div>
    );
  });
  if (!p.legend)
    return (
      <div className={join(cls('fieldset'), p.className)} id={p.id}>
        {boxes}
      </div>
    );
  return (
    <fieldset
      id={p.id}
      className={join(cls('fieldset', p.state === 'error' && 'fieldset--error'), p.className)}
      aria-describedby={hasMessage ? messageId : undefined}
    >
      <legend className={cls('fieldset__legend', 'fieldset__legend--regular')}>
        {p.legend}
        {p.hintText && <span className={cls('hint-text')}>{p.hintText}</span>}
      </legend>
      {boxes}
      {hasMessage && (
        <p id={messageId} className={cls('error-text')}>
          {p.stateRelatedMessage}
        </p>
      )}
    </fieldset>
  );
}

/** One or several checkboxes, under a legend when there are several. */
export function Checkbox(props: ChoicesProps) {
  return <Choices type="checkbox" {...props} />;
}

/** Radio buttons under a legend; give them one `name`. */
export function RadioGroup(props: ChoicesProps & { legend: ReactNode; name: string }) {
  return <Choices type="radio" {...props} />;
}

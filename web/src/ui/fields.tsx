import { type ComponentPropsWithRef, type ReactNode, useId } from 'react';
import { cls, join } from './theme.ts';

export type FieldState = 'default' | 'error' | 'success';

interface FieldFrame {
  label: ReactNode;
  /** Help under the label, read with it. */
  hintText?: ReactNode;
  state?: FieldState;
  /** The message of an error (or success) state, tied to the control by aria-describedby. */
  stateRelatedMessage?: ReactNode;
  className?: string;
  disabled?: boolean;
}

/** Label, hint, control and message of one field, with the ids tying them together. */
function Field({
  kind,
  frame,
  id,
  render,
}: {
  kind: 'input' | 'select' | 'upload';
  frame: FieldFrame;
  id: string;
  render: (ids: { describedBy: string | undefined; invalid: boolean }) => ReactNode;
}) {
  const { label, hintText, state = 'default', stateRelatedMessage, className, disabled } = frame;
  const messageId = `${id}-message`;
  const hasMessage = state !== 'default' && Boolean(stateRelatedMessage);
  const group = kind === 'upload' ? 'upload-group' : `${kind}-group`;
  return (
    <div
      className={join(
        cls(group, state !== 'default' && `${group}--${state}`, disabled && `${group}--disabled`),
        className,
      )}
    >
      <label className={cls('label')} htmlFor={id}>
        {label}
        {hintText && <span className={cls('hint-text')}>{hintText}</span>}
      </label>
      {render({ describedBy: hasMessage ? messageId : undefined, invalid: state === 'error' })}
      {hasMessage && (
        <p id={messageId} className={cls(state === 'error' ? 'error-text' : 'valid-text')}>
          {stateRelatedMessage}
        </p>
      )}
    </div>
  );
}

function describedBy(...ids: (string | undefined)[]): string | undefined {
  return join(...ids);
}

export type InputProps = FieldFrame & {
  nativeInputProps?: ComponentPropsWithRef<'input'>;
} & (
    | { textArea?: false; nativeTextAreaProps?: never }
    | { textArea: true; nativeTextAreaProps?: ComponentPropsWithRef<'textarea'> }
  );

/** A text field; `textArea` makes it a multi-line one. */
export function Input(props: InputProps) {
  const auto = useId();
  const native = props.textArea ? props.nativeTextAreaProps : props.nativeInputProps;
  const id = native?.id ?? auto;
  return (
    <Field
      kind="input"
      frame={props}
      id={id}
      render={({ describedBy: message, invalid }) => {
        const common = {
          id,
          disabled: props.disabled || native?.disabled,
          className: join(cls('input', invalid && 'input--error'), native?.className),
          'aria-describedby': describedBy(native?.['aria-describedby'], message),
          'aria-invalid': invalid || undefined,
        };
        return props.textArea ? (
          <textarea {...props.nativeTextAreaProps} {...common} />
        ) : (
          <input {...props.nativeInputProps} {...common} />
        );
      }}
    />
  );
}

/** Same as `Input`, the name pages may prefer for a one-line text field. */
export const TextField = Input;

/** A multi-line text field. */
export function Textarea(props: FieldFrame & { nativeTextAreaProps?: ComponentPropsWithRef<'textarea'> }) {
  return <Input {...props} textArea />;
}

export type SelectProps = FieldFrame & {
  /** Same as hintText (the DSFR's name for it on selects). */
  hint?: ReactNode;
  nativeSelectProps?: ComponentPropsWithRef<'select'>;
  children: ReactNode;
};

/** A drop-down list of `<option>` children. */
export function Select({ hint, hintText, nativeSelectProps, children, ...frame }: SelectProps) {
  const auto = useId();
  const id = nativeSelectProps?.id ?? auto;
  return (
    <Field
      kind="select"
      frame={{ ...frame, hintText: hintText ?? hint }}
      id={id}
      render={({ describedBy: message, invalid }) => (
        <select
          {...nativeSelectProps}
          id={id}
          disabled={frame.disabled || nativeSelectProps?.disabled}
          className={join(cls('select', invalid && 'select--error'), nativeSelectProps?.className)}
          aria-describedby={describedBy(nativeSelectProps?.['aria-describedby'], message)}
          aria-invalid={invalid || undefined}
        >
          {children}
        </select>
      )}
    />
  );
}

export type UploadProps = FieldFrame & {
  hint?: ReactNode;
  nativeInputProps?: ComponentPropsWithRef<'input'>;
};

/** A file field. */
export function Upload({ hint, hintText, nativeInputProps, ...frame }: UploadProps) {
  const auto = useId();
  const id = nativeInputProps?.id ?? auto;
  return (
    <Field
      kind="upload"
      frame={{ ...frame, hintText: hintText ?? hint }}
      id={id}
      render={({ describedBy: message, invalid }) => (
        <input
          {...nativeInputProps}
          type="file"
          id={id}
          className={cls('upload')}
          aria-describedby={describedBy(nativeInputProps?.['aria-describedby'], message)}
          aria-invalid={invalid || undefined}
        />
      )}
    />
  );
}

/** Help text beside a label or a legend. */
export function Hint({ children, as: Tag = 'span' }: { children: ReactNode; as?: 'span' | 'p' }) {
  return <Tag className={cls('hint-text')}>{children}</Tag>;
}

/** A message under a field or a group that the server refused. */
export function ErrorText({
  children,
  id,
  as: Tag = 'p',
}: {
  children: ReactNode;
  id?: string;
  as?: 'span' | 'p';
}) {
  return (
    <Tag id={id} className={cls('error-text')}>
      {children}
    </Tag>
  );
}

/** A label with its hint, for a control the page draws itself (a combobox, a slider). */
export function Label({
  htmlFor,
  hint,
  children,
}: {
  htmlFor: string;
  hint?: ReactNode;
  children: ReactNode;
}) {
  return (
    <label className={cls('label')} htmlFor={htmlFor}>
      {children}
      {hint && <span className={cls('hint-text')}>{hint}</span>}
    </label>
  );
}

/** The frame of a field whose control the page draws itself: `Label`, `TextInput`, then anything else. */
export function FieldGroup({ className, children }: { className?: string; children: ReactNode }) {
  return <div className={join(cls('input-group'), className)}>{children}</div>;
}

/** A bare one-line text control, styled as the theme's fields (inside `FieldGroup`). */
export function TextInput(props: ComponentPropsWithRef<'input'>) {
  return <input type="text" {...props} className={join(cls('input'), props.className)} />;
}

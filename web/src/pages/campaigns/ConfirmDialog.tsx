import { type ReactNode, useEffect, useId, useRef } from 'react';
import { Button, ButtonGroup } from '../../ui/index.ts';

/**
 * A modal confirmation on the browser's own `<dialog>`: focus moves into it and stays there, Échap
 * cancels, and focus returns to the button that opened it.
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      className="odts-dialog"
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <h2 id={titleId} className="u-h4">
        {title}
      </h2>
      {children}
      <ButtonGroup className="u-mt-2">
        <li>
          <Button onClick={onConfirm}>{confirmLabel}</Button>
        </li>
        <li>
          <Button priority="secondary" onClick={onCancel}>
            Annuler
          </Button>
        </li>
      </ButtonGroup>
    </dialog>
  );
}

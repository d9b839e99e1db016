import { useEffect, useId, useRef, useState } from 'react';
import { RadioGroup } from './choices.tsx';
import { applyScheme, type Scheme, storedScheme } from './scheme.ts';
import { cls } from './theme.ts';

const CHOICES: { value: Scheme; label: string }[] = [
  { value: 'light', label: 'Thème clair' },
  { value: 'dark', label: 'Thème sombre' },
  { value: 'system', label: 'Système' },
];

/** "Paramètres d'affichage": a disclosure with the light, dark or system display; Échap closes it. */
export function DisplaySettings() {
  const [open, setOpen] = useState(false);
  const [scheme, setScheme] = useState<Scheme>(() => storedScheme());
  const panelId = useId();
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open]);
  return (
    <div className="odts-display-settings">
      <button
        ref={button}
        type="button"
        className={cls('btn', 'btn--tertiary-no-outline', 'btn--sm')}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
      >
        Paramètres d’affichage
      </button>
      <div id={panelId} hidden={!open} className="odts-display-settings__panel">
        <RadioGroup
          legend="Choisissez un thème"
          name={`${panelId}-theme`}
          small
          options={CHOICES.map((c) => ({
            label: c.label,
            nativeInputProps: {
              value: c.value,
              checked: scheme === c.value,
              onChange: () => {
                setScheme(c.value);
                applyScheme(c.value);
              },
            },
          }))}
        />
      </div>
    </div>
  );
}

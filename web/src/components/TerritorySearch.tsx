import { TERRITORY_TYPE_LABELS, type TerritoryType } from '@domain/territories/types.ts';
import { type KeyboardEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { getJson, query } from '../api/client.ts';
import type { List, TerritoryItem } from '../api/types.ts';
import { FieldGroup, Label, TextInput } from '../ui/index.ts';

interface Props {
  label: ReactNode;
  hint?: string;
  type?: TerritoryType;
  /** Text shown in the field before any typing (the current choice). */
  initialText?: string;
  placeholder?: string;
  onSelect: (item: TerritoryItem) => void;
  /** Clears the choice when the field is emptied. */
  onClear?: () => void;
  className?: string;
}

export function describeTerritory(t: TerritoryItem): string {
  const where = t.type === 'commune' || t.type === 'epci' ? (t.departement ? ` (${t.departement})` : '') : '';
  return `${t.nom}${where} — ${TERRITORY_TYPE_LABELS[t.type]}`;
}

function optionMeta(t: TerritoryItem): string {
  const dep = t.departement && t.type !== 'departement' ? ` · dép. ${t.departement}` : '';
  return `${TERRITORY_TYPE_LABELS[t.type]} · ${t.code}${dep}`;
}

/**
 * Territory autocomplete following the WAI-ARIA combobox pattern: arrows move through the
 * suggestions, Enter chooses, Escape closes the list (then clears the field).
 */
export function TerritorySearch(props: Props) {
  const id = useId();
  const inputId = `${id}-champ`;
  const listId = `${id}-liste`;
  const [text, setText] = useState(props.initialText ?? '');
  const [items, setItems] = useState<TerritoryItem[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [status, setStatus] = useState('');
  const typed = useRef(false);

  useEffect(() => {
    setText(props.initialText ?? '');
  }, [props.initialText]);

  useEffect(() => {
    const q = text.trim();
    if (!typed.current || q.length < 2) {
      setItems([]);
      setOpen(false);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      getJson<List<TerritoryItem>>(
        `/api/territoires${query({ q, type: props.type, limit: 8 })}`,
        controller.signal,
      )
        .then((res) => {
          setItems(res.items);
          setActive(-1);
          setOpen(true);
          setStatus(
            res.items.length === 0
              ? 'Aucun territoire ne correspond'
              : `${res.items.length} suggestion${res.items.length > 1 ? 's' : ''}, flèches haut et bas pour parcourir`,
          );
        })
        .catch((error: Error) => {
          if (error.name !== 'AbortError') setStatus(`Recherche impossible : ${error.message}`);
        });
    }, 180);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [text, props.type]);

  const choose = (item: TerritoryItem) => {
    typed.current = false;
    setText(item.nom);
    setOpen(false);
    setActive(-1);
    setStatus(`${describeTerritory(item)} choisi`);
    props.onSelect(item);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (items.length === 0) return;
      e.preventDefault();
      setOpen(true);
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((a) => (a + step + items.length + (a < 0 && step < 0 ? 1 : 0)) % items.length);
    } else if (e.key === 'Enter') {
      const item = items[active >= 0 ? active : 0];
      if (open && item) {
        e.preventDefault();
        choose(item);
      }
    } else if (e.key === 'Escape') {
      if (open) {
        e.preventDefault();
        setOpen(false);
        setActive(-1);
      } else if (text) {
        e.preventDefault();
        setText('');
        props.onClear?.();
      }
    }
  };

  const expanded = open && items.length > 0;
  return (
    <FieldGroup className={`odts-combobox ${props.className ?? ''}`}>
      <Label htmlFor={inputId} hint={props.hint}>
        {props.label}
      </Label>
      <TextInput
        id={inputId}
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
        placeholder={props.placeholder}
        value={text}
        onChange={(e) => {
          typed.current = true;
          setText(e.target.value);
          if (e.target.value === '') props.onClear?.();
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
        onFocus={() => items.length > 0 && typed.current && setOpen(true)}
      />
      <div
        id={listId}
        role="listbox"
        aria-label="Suggestions de territoires"
        className="odts-listbox"
        hidden={!expanded}
      >
        {items.map((item, i) => (
          // biome-ignore lint/a11y/useKeyWithClickEvents: keyboard selection goes through the combobox input.
          <div
            key={`${item.type}:${item.code}`}
            id={`${listId}-${i}`}
            role="option"
            tabIndex={-1}
            aria-selected={i === active}
            aria-label={`${item.nom}, ${optionMeta(item)}`}
            className={i === active ? 'odts-option odts-option--active' : 'odts-option'}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => choose(item)}
          >
            <span className="odts-option__name">{item.nom}</span>
            <span className="odts-option__meta">{optionMeta(item)}</span>
          </div>
        ))}
      </div>
      <output className="u-sr-only" aria-live="polite">
        {status}
      </output>
    </FieldGroup>
  );
}

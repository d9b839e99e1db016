import { TERRITORY_TYPE_LABELS } from '@domain/territories/types.ts';
import { useEffect, useId, useState } from 'react';
import { getJson, query } from '../../../api/client.ts';
import type { DynamicPage } from '../../../api/types.ts';
import { TerritorySearch } from '../../../components/TerritorySearch.tsx';
import {
  Button,
  DismissibleTag,
  ErrorText,
  Fieldset,
  FieldsetItem,
  Input,
  TagGroup,
} from '../../../ui/index.ts';
import type { NoticeDraft, TerritoryLinkDraft } from './draft.ts';

type Dynamic = NoticeDraft['dynamiques'][number];

/** Dynamics found by name (registry search), chosen one by one. */
function DynamicPicker({ chosen, onAdd }: { chosen: Dynamic[]; onAdd: (d: Dynamic) => void }) {
  const [text, setText] = useState('');
  const [found, setFound] = useState<Dynamic[]>([]);
  const statusId = useId();
  useEffect(() => {
    const q = text.trim();
    if (q.length < 3) {
      setFound([]);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      getJson<DynamicPage>(`/api/dynamiques${query({ q, limit: 6 })}`, controller.signal).then(
        (page) => setFound(page.items.map((d) => ({ id: d.id, nom: d.nom }))),
        () => setFound([]),
      );
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [text]);
  const offered = found.filter((d) => !chosen.some((c) => c.id === d.id));
  return (
    <>
      <Input
        label="Chercher une dynamique à lier"
        hintText="Au moins trois lettres de son nom"
        nativeInputProps={{
          id: 'champ-dynamiques-recherche',
          value: text,
          'aria-describedby': statusId,
          onChange: (e) => setText(e.target.value),
        }}
      />
      <p id={statusId} className="u-text-sm" aria-live="polite">
        {text.trim().length >= 3 ? `${offered.length} dynamique(s) proposée(s)` : ''}
      </p>
      {offered.length > 0 && (
        <ul className="odts-actions" style={{ listStyle: 'none', paddingLeft: 0 }}>
          {offered.map((d) => (
            <li key={d.id}>
              <Button
                type="button"
                size="small"
                priority="secondary"
                iconId="add-line"
                nativeButtonProps={{ 'aria-label': `Lier la dynamique ${d.nom}` }}
                onClick={() => {
                  onAdd(d);
                  setText('');
                }}
              >
                {d.nom}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** Links of the notice to dynamics of the registry and to territories. */
export function LinksEditor({
  draft,
  set,
  errors,
}: {
  draft: NoticeDraft;
  set: (patch: Partial<NoticeDraft>) => void;
  errors: Record<string, string>;
}) {
  const dynamicsError = Object.entries(errors).find(([p]) => p.startsWith('dynamiques'))?.[1];
  const territoriesError = Object.entries(errors).find(([p]) => p.startsWith('territoires'))?.[1];
  const addTerritory = (t: TerritoryLinkDraft) => {
    if (draft.territoires.some((x) => x.type === t.type && x.code === t.code)) return;
    set({ territoires: [...draft.territoires, t] });
  };
  return (
    <Fieldset legend="Liens">
      <FieldsetItem>
        <div id="champ-dynamiques" tabIndex={-1}>
          <h3 className="u-h6">Dynamiques liées</h3>
          {dynamicsError && <ErrorText>{dynamicsError}</ErrorText>}
          {draft.dynamiques.length === 0 ? (
            <p className="odts-empty">Aucune dynamique liée.</p>
          ) : (
            <TagGroup>
              {draft.dynamiques.map((d) => (
                <li key={d.id}>
                  <DismissibleTag
                    ariaLabel={`Retirer le lien vers la dynamique ${d.nom}`}
                    onDismiss={() => set({ dynamiques: draft.dynamiques.filter((x) => x.id !== d.id) })}
                  >
                    {d.nom}
                  </DismissibleTag>
                </li>
              ))}
            </TagGroup>
          )}
          <DynamicPicker
            chosen={draft.dynamiques}
            onAdd={(d) => set({ dynamiques: [...draft.dynamiques, d] })}
          />
        </div>
      </FieldsetItem>
      <FieldsetItem>
        <div id="champ-territoires" tabIndex={-1}>
          <h3 className="u-h6">Territoires liés</h3>
          {territoriesError && <ErrorText>{territoriesError}</ErrorText>}
          {draft.territoires.length === 0 ? (
            <p className="odts-empty">Aucun territoire lié.</p>
          ) : (
            <TagGroup>
              {draft.territoires.map((t) => (
                <li key={`${t.type}:${t.code}`}>
                  <DismissibleTag
                    ariaLabel={`Retirer le territoire ${t.nom}`}
                    onDismiss={() =>
                      set({
                        territoires: draft.territoires.filter(
                          (x) => !(x.type === t.type && x.code === t.code),
                        ),
                      })
                    }
                  >
                    {t.nom}
                  </DismissibleTag>
                </li>
              ))}
            </TagGroup>
          )}
          <TerritorySearch
            label="Chercher un territoire à lier"
            hint="Région, département, intercommunalité, commune ou quartier prioritaire"
            onSelect={(t) =>
              addTerritory({ type: t.type, code: t.code, nom: `${t.nom} (${TERRITORY_TYPE_LABELS[t.type]})` })
            }
          />
        </div>
      </FieldsetItem>
    </Fieldset>
  );
}

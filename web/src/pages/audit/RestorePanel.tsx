import { useEffect, useRef, useState } from 'react';
import { ApiError, requestJson } from '../../api/client.ts';
import { Alert, Button } from '../../ui/index.ts';
import { asApiError, jsonBody } from '../accounts/accountApi.ts';
import { ChangesTable } from './ChangesTable.tsx';
import type { RestoreTarget } from './restore.ts';
import { diffSnapshots } from './snapshotDiff.ts';

interface Current {
  version: number;
  /** The record was deleted (at `version`): the restoration writes it again. */
  deleted: boolean;
  /** The record as stored now (the form its PUT takes), to show what the restoration changes. */
  stored: Record<string, unknown>;
  etag: string | null;
}

/** The stored form of the record now: the journal's latest snapshot, or the record's own answer. */
async function readCurrent(target: RestoreTarget): Promise<Current> {
  const [record, latest] = await Promise.all([
    requestJson<{ version: number } & Record<string, unknown>>(target.url).catch((e: unknown) => {
      if (asApiError(e).status === 404 && target.undeleteUrl) return null;
      throw e;
    }),
    requestJson<{ items: { action: string; version: number | null; avant: unknown; apres: unknown }[] }>(
      target.latestUrl,
    ).catch(() => null),
  ]);
  const last = latest?.data.items[0];
  if (!record) {
    // Gone: the journal's last entry is its deletion, which names the version deleted.
    const deletedAt = (last?.avant as { version?: unknown } | null)?.version;
    if (last?.action !== 'suppression' || typeof deletedAt !== 'number') {
      throw new ApiError(404, 'Cette fiche est introuvable : rechargez le journal.');
    }
    return { version: deletedAt, deleted: true, stored: {}, etag: `"${deletedAt}"` };
  }
  const { data, etag } = record;
  const snapshot =
    last && last.version === data.version && typeof last.apres === 'object' && last.apres !== null
      ? (last.apres as Record<string, unknown>)
      : Object.fromEntries(Object.keys(target.body).map((k) => [k, data[k]]));
  return { version: data.version, deleted: false, stored: snapshot, etag };
}

type Step =
  | { kind: 'idle' }
  | { kind: 'reading' }
  | { kind: 'confirm'; current: Current; conflict: boolean }
  | { kind: 'saving'; current: Current; conflict: boolean }
  | { kind: 'done'; version: number }
  | { kind: 'error'; message: string };

/**
 * « Restaurer cette version »: reads the record as it is now, shows what would change and asks for
 * confirmation; the write carries the ETag read then (If-Match). When someone saved the record in
 * between, the new version is shown instead and the person decides again; nothing is overwritten unseen.
 */
export function RestorePanel({ target, onRestored }: { target: RestoreTarget; onRestored: () => void }) {
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const heading = useRef<HTMLHeadingElement>(null);
  const stepKind = step.kind;
  useEffect(() => {
    if (stepKind === 'confirm') heading.current?.focus();
  }, [stepKind]);

  async function read(conflict: boolean) {
    setStep({ kind: 'reading' });
    try {
      setStep({ kind: 'confirm', current: await readCurrent(target), conflict });
    } catch (e) {
      setStep({ kind: 'error', message: asApiError(e).message });
    }
  }

  async function restore(current: Current, conflict: boolean) {
    setStep({ kind: 'saving', current, conflict });
    try {
      const ifMatch: Record<string, string> = current.etag ? { 'if-match': current.etag } : {};
      const { data } =
        current.deleted && target.undeleteUrl
          ? await requestJson<{ version: number }>(target.undeleteUrl, {
              method: 'POST',
              ...jsonBody({ version: target.version }, ifMatch),
            })
          : await requestJson<{ version: number }>(target.url, {
              method: 'PUT',
              ...jsonBody(target.body, ifMatch),
            });
      setStep({ kind: 'done', version: data.version });
      onRestored();
    } catch (e) {
      const error = asApiError(e);
      if (error.status === 412) await read(true);
      else setStep({ kind: 'error', message: error.message });
    }
  }

  if (step.kind === 'idle' || step.kind === 'reading' || step.kind === 'error')
    return (
      <div className="u-mt-2">
        <Button
          size="small"
          priority="secondary"
          disabled={step.kind === 'reading'}
          onClick={() => read(false)}
        >
          Restaurer cette version
        </Button>
        {step.kind === 'error' && (
          <div role="alert" className="u-mt-2">
            <Alert severity="error" small description={step.message} />
          </div>
        )}
      </div>
    );
  if (step.kind === 'done')
    return (
      <output className="u-mt-2 odts-block">
        <Alert
          severity="success"
          small
          description={`Version ${target.version} restaurée : la fiche est maintenant en version ${step.version}.`}
        />
      </output>
    );

  const { current, conflict } = step;
  const changes = diffSnapshots(current.stored, target.body);
  return (
    <section aria-labelledby={`restaurer-${target.version}`} className="u-mt-2 odts-restore">
      <h3 id={`restaurer-${target.version}`} ref={heading} tabIndex={-1}>
        {conflict
          ? 'Conflit : la fiche a été modifiée entre-temps'
          : `Restaurer la version ${target.version} ?`}
      </h3>
      {conflict && (
        <Alert
          severity="warning"
          small
          description={`Quelqu’un a enregistré la version ${current.version} depuis que vous avez ouvert cette restauration. Rien n’a été écrit : voici ce que la restauration changerait maintenant.`}
        />
      )}
      {current.deleted ? (
        <p>
          La fiche a été supprimée en version {current.version}. La restauration la recrée, identique à la
          version {target.version}, en version {current.version + 1} ; l’historique garde toutes les versions.
        </p>
      ) : (
        <p>
          La fiche est aujourd’hui en version {current.version}. La restauration enregistre une nouvelle
          version identique à la version {target.version} ; l’historique garde toutes les versions.
        </p>
      )}
      <ChangesTable
        caption="Ce que la restauration change"
        changes={changes}
        beforeLabel={current.deleted ? 'Fiche supprimée' : `Version actuelle (${current.version})`}
        afterLabel={`Version ${target.version}`}
      />
      {changes.length === 0 ? (
        <Button size="small" priority="secondary" onClick={() => setStep({ kind: 'idle' })}>
          Fermer : la version actuelle est déjà identique
        </Button>
      ) : (
        <div className="u-mt-2">
          <Button size="small" disabled={step.kind === 'saving'} onClick={() => restore(current, conflict)}>
            {conflict ? `Restaurer quand même la version ${target.version}` : 'Confirmer la restauration'}
          </Button>{' '}
          <Button size="small" priority="tertiary" onClick={() => setStep({ kind: 'idle' })}>
            Annuler
          </Button>
        </div>
      )}
    </section>
  );
}

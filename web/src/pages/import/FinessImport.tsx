import type { SourceSyncReport } from '@domain/registry/responses.ts';
import { useRef, useState } from 'react';
import { ApiError, query, requestJson } from '../../api/client.ts';
import { ErrorMessage, Loading } from '../../components/StateViews.tsx';
import { count, formatDateLong } from '../../lib/format.ts';
import { Link } from '../../router/Link.tsx';
import { Alert, Button, Checkbox, Table, Upload } from '../../ui/index.ts';

type Step =
  | { kind: 'idle' }
  | { kind: 'sending'; label: string }
  | { kind: 'checked'; report: SourceSyncReport }
  | { kind: 'done'; report: SourceSyncReport }
  | { kind: 'failed'; error: ApiError };

interface Options {
  partiel: boolean;
  force: boolean;
}

async function send(file: File, dryRun: boolean, o: Options): Promise<SourceSyncReport> {
  const url = `/api/imports/finess${query({ dryRun: String(dryRun), partiel: String(o.partiel), force: String(o.force) })}`;
  // The extraction goes as it is published: its bytes, whatever its encoding.
  const init = { method: 'POST', body: file, headers: { 'content-type': 'application/octet-stream' } };
  return (await requestJson<SourceSyncReport>(url, init)).data;
}

function summary(r: SourceSyncReport, future: boolean): string {
  const [created, changed, stopped] = future
    ? ['seront créées', 'seront mises à jour', 'seront arrêtées']
    : ['créées', 'mises à jour', 'arrêtées'];
  const date = r.dateSource ? `Extraction du ${formatDateLong(r.dateSource)} : ` : '';
  return (
    `${date}${r.crees} ${created}, ${r.modifies} ${changed}, ${r.arretes} ${stopped}` +
    `${r.inchanges ? `, ${r.inchanges} inchangées` : ''}.`
  );
}

/**
 * The national FINESS extraction (or a regional one): maisons de santé, centres de santé and CPTS,
 * checked first, then written after confirmation, all or nothing.
 */
export function FinessImport() {
  const [file, setFile] = useState<File | null>(null);
  const [options, setOptions] = useState<Options>({ partiel: false, force: false });
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const result = useRef<HTMLDivElement>(null);

  const run = async (dryRun: boolean) => {
    if (!file) return;
    setStep({ kind: 'sending', label: dryRun ? 'Lecture de l’extraction…' : 'Import de l’extraction…' });
    try {
      const report = await send(file, dryRun, options);
      setStep(dryRun || !report.valide ? { kind: 'checked', report } : { kind: 'done', report });
    } catch (error) {
      setStep({ kind: 'failed', error: error instanceof ApiError ? error : new ApiError(0, String(error)) });
    }
    requestAnimationFrame(() => result.current?.focus());
  };
  const toggle = (key: keyof Options) => () => {
    setOptions((o) => ({ ...o, [key]: !o[key] }));
    setStep({ kind: 'idle' });
  };

  return (
    <section aria-labelledby="import-finess" className="u-mt-6">
      <h2 id="import-finess">Extraction FINESS : maisons de santé, centres de santé, CPTS</h2>
      <p>
        Le fichier « FINESS Extraction du Fichier des établissements » publié sur data.gouv.fr (géolocalisé de
        préférence), tel quel : les maisons de santé, centres de santé et CPTS y sont repérés par leur numéro
        FINESS ; les nouveaux sont créés, les autres mis à jour, et ceux qu’une extraction plus récente ne
        liste plus sont arrêtés à sa date.
      </p>
      <form
        className="odts-filters"
        onSubmit={(e) => {
          e.preventDefault();
          void run(true);
        }}
      >
        <Upload
          label="Fichier de l’extraction FINESS"
          hint="Fichier CSV séparé par des points-virgules, UTF-8 ou Windows-1252. Taille maximale : 200 Mo."
          nativeInputProps={{
            id: 'fichier-finess',
            accept: '.csv,.txt,text/csv,text/plain',
            onChange: (e) => {
              setFile(e.target.files?.[0] ?? null);
              setStep({ kind: 'idle' });
            },
          }}
        />
        <Checkbox
          small
          options={[
            {
              label: 'Extraction partielle (une région) : ne rien arrêter de ce qu’elle ne liste pas',
              nativeInputProps: { checked: options.partiel, onChange: toggle('partiel') },
            },
            {
              label: 'Accepter une extraction plus ancienne que la dernière importée',
              nativeInputProps: { checked: options.force, onChange: toggle('force') },
            },
          ]}
        />
        <Button type="submit" className="u-mt-2" disabled={!file || step.kind === 'sending'}>
          Vérifier l’extraction
        </Button>
      </form>
      <div ref={result} tabIndex={-1} aria-live="polite" className="u-mt-3">
        {step.kind === 'sending' && <Loading label={step.label} />}
        {step.kind === 'failed' && <ErrorMessage error={step.error} />}
        {step.kind === 'checked' && step.report.valide && (
          <>
            <Alert
              severity="info"
              title="Extraction valide : rien n’a encore été enregistré"
              description={summary(step.report, true)}
            />
            <div className="odts-actions u-mt-3">
              <Button onClick={() => void run(false)}>Confirmer l’import</Button>
              <Button priority="secondary" onClick={() => setStep({ kind: 'idle' })}>
                Annuler
              </Button>
            </div>
          </>
        )}
        {step.kind === 'checked' && !step.report.valide && (
          <>
            <Alert
              severity="error"
              title={`${count(step.report.erreurs.length, 'erreur')} : rien n’a été importé`}
            />
            <Table bordered className="u-mt-3">
              <caption>Erreurs par ligne de l’extraction</caption>
              <thead>
                <tr>
                  <th scope="col" className="odts-num">
                    Ligne
                  </th>
                  <th scope="col">Champ</th>
                  <th scope="col">Erreur</th>
                </tr>
              </thead>
              <tbody>
                {step.report.erreurs.map((e, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a line can have several errors on one field.
                  <tr key={i}>
                    <td className="odts-num">{e.ligne}</td>
                    <td>{e.champ || '—'}</td>
                    <td>{e.message}</td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </>
        )}
        {step.kind === 'done' && (
          <Alert
            severity="success"
            title="Extraction importée"
            description={
              <>
                {summary(step.report, false)}{' '}
                <Link href="/registre?tri=modification">Voir les dernières mises à jour</Link>
              </>
            }
          />
        )}
      </div>
    </section>
  );
}

import { useRef, useState } from 'react';
import { ApiError, requestJson } from '../api/client.ts';
import type { ImportReport } from '../api/types.ts';
import { ErrorMessage, Loading } from '../components/StateViews.tsx';
import { count } from '../lib/format.ts';
import { useTitle } from '../lib/useTitle.ts';
import { Link } from '../router/Link.tsx';
import { Alert, Button, Table, Upload } from '../ui/index.ts';
import { FinessImport } from './import/FinessImport.tsx';
import { PastImports } from './import/PastImports.tsx';

type Step =
  | { kind: 'idle' }
  | { kind: 'sending'; label: string }
  | { kind: 'checked'; report: ImportReport }
  | { kind: 'done'; report: ImportReport }
  | { kind: 'failed'; error: ApiError };

async function send(file: File, dryRun: boolean): Promise<ImportReport> {
  const body = new FormData();
  body.append('fichier', file, file.name);
  return (
    await requestJson<ImportReport>(`/api/imports/dynamiques?dryRun=${dryRun}`, { method: 'POST', body })
  ).data;
}

function ErrorTable({ report }: { report: ImportReport }) {
  return (
    <Table bordered className="u-mt-3">
      <caption>Erreurs par ligne et par colonne (la ligne 1 est l’en-tête)</caption>
      <thead>
        <tr>
          <th scope="col" className="odts-num">
            Ligne
          </th>
          <th scope="col">Colonne</th>
          <th scope="col">Erreur</th>
        </tr>
      </thead>
      <tbody>
        {report.erreurs.map((e, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a line can have several errors on one column.
          <tr key={i}>
            <td className="odts-num">{e.ligne}</td>
            <td>{e.champ || '—'}</td>
            <td>{e.message}</td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

function summary(r: ImportReport, future: boolean): string {
  const verb = future ? ['seront créées', 'seront modifiées'] : ['créées', 'modifiées'];
  return `${count(r.lignes, 'ligne lue', 'lignes lues')} : ${r.crees} ${verb[0]}, ${r.modifies} ${verb[1]}${
    r.inchanges ? `, ${r.inchanges} inchangées` : ''
  }.`;
}

export default function ImportPage() {
  useTitle('Importer des dynamiques');
  const [file, setFile] = useState<File | null>(null);
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const [imports, setImports] = useState(0);
  const result = useRef<HTMLDivElement>(null);

  const run = async (dryRun: boolean) => {
    if (!file) return;
    setStep({ kind: 'sending', label: dryRun ? 'Vérification du fichier…' : 'Import en cours…' });
    try {
      const report = await send(file, dryRun);
      setStep(dryRun || !report.valide ? { kind: 'checked', report } : { kind: 'done', report });
      if (!dryRun && report.valide) setImports((n) => n + 1);
    } catch (error) {
      setStep({ kind: 'failed', error: error instanceof ApiError ? error : new ApiError(0, String(error)) });
    }
    requestAnimationFrame(() => result.current?.focus());
  };

  return (
    <>
      <h1 className="u-mt-4">Importer des dynamiques</h1>
      <p className="u-lead">
        Déposez un fichier CSV ou XLSX : il est d’abord vérifié sans rien enregistrer, puis importé après
        votre confirmation. Un fichier comportant une seule erreur n’est pas importé.
      </p>
      <p>
        Colonnes attendues :{' '}
        <code>type;nom;statut;communes;epci;departements;qpv;porteur;dateDebut;dateFin</code>.{' '}
        <a href="/api/imports/dynamiques/modele?format=csv" download>
          Télécharger le modèle CSV
        </a>{' '}
        ou{' '}
        <a href="/api/imports/dynamiques/modele?format=xlsx" download>
          le modèle XLSX
        </a>
        .
      </p>
      <form
        className="odts-filters"
        onSubmit={(e) => {
          e.preventDefault();
          void run(true);
        }}
      >
        <Upload
          label="Fichier de dynamiques"
          hint="Formats acceptés : CSV (séparateur ; ou ,) et XLSX. Taille maximale : 20 Mo."
          nativeInputProps={{
            accept: '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
            onChange: (e) => {
              setFile(e.target.files?.[0] ?? null);
              setStep({ kind: 'idle' });
            },
          }}
        />
        <Button type="submit" className="u-mt-2" disabled={!file || step.kind === 'sending'}>
          Vérifier le fichier
        </Button>
      </form>

      <div ref={result} tabIndex={-1} aria-live="polite" className="u-mt-4">
        {step.kind === 'sending' && <Loading label={step.label} />}
        {step.kind === 'failed' && <ErrorMessage error={step.error} />}
        {step.kind === 'checked' && step.report.valide && (
          <>
            <Alert
              severity="info"
              title="Fichier valide : rien n’a encore été enregistré"
              description={summary(step.report, true)}
            />
            {step.report.correspondances && step.report.correspondances.length > 0 && (
              <Table bordered className="u-mt-3">
                <caption>
                  Lignes reconnues comme des dynamiques déjà enregistrées (même type, même nom, même
                  territoire) : elles les mettront à jour
                </caption>
                <thead>
                  <tr>
                    <th scope="col" className="odts-num">
                      Ligne
                    </th>
                    <th scope="col">Dynamique mise à jour</th>
                  </tr>
                </thead>
                <tbody>
                  {step.report.correspondances.map((m) => (
                    <tr key={m.ligne}>
                      <td className="odts-num">{m.ligne}</td>
                      <td>
                        <Link href={`/dynamiques/${m.id}`}>{m.nom}</Link>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            )}
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
              description="Corrigez le fichier puis déposez-le de nouveau."
            />
            <ErrorTable report={step.report} />
          </>
        )}
        {step.kind === 'done' && (
          <Alert
            severity="success"
            title="Import terminé"
            description={
              <>
                {summary(step.report, false)}{' '}
                <Link href="/registre?tri=modification">Voir les dernières mises à jour</Link>
              </>
            }
          />
        )}
      </div>
      <FinessImport />
      <PastImports refresh={imports} />
    </>
  );
}

import { useRef, useState } from 'react';
import { ApiError, query, requestJson } from '../../api/client.ts';
import { ErrorMessage, Loading } from '../../components/StateViews.tsx';
import { count } from '../../lib/format.ts';
import { useTitle } from '../../lib/useTitle.ts';
import { Link } from '../../router/Link.tsx';
import { Alert, Button, Select, Upload } from '../../ui/index.ts';
import { PastImports } from '../import/PastImports.tsx';
import {
  DuplicateTable,
  IssueTable,
  importSummary,
  type NoticeImportReport,
} from './import/NoticeImportReport.tsx';

type Step =
  | { kind: 'idle' }
  | { kind: 'sending'; label: string }
  | { kind: 'checked'; report: NoticeImportReport }
  | { kind: 'done'; report: NoticeImportReport }
  | { kind: 'failed'; error: ApiError };

interface Options {
  format: string;
  doublons: 'ignorer' | 'fusionner';
}

async function send(file: File, options: Options, run: { dryRun: boolean; partiel: boolean }) {
  const body = new FormData();
  body.append('fichier', file, file.name);
  const url = `/api/imports/ressources${query({ ...options, dryRun: String(run.dryRun), partiel: String(run.partiel) })}`;
  return (await requestJson<NoticeImportReport>(url, { method: 'POST', body })).data;
}

/**
 * Notices from a RIS, BibTeX, CSL-JSON or CSV file: checked first without writing anything, then
 * imported after confirmation. A file with problems is refused as a whole unless the documentalist
 * explicitly chooses to import the valid notices and leave the reported ones out.
 */
export default function NoticeImportPage() {
  useTitle('Importer des notices');
  const [file, setFile] = useState<File | null>(null);
  const [options, setOptions] = useState<Options>({ format: '', doublons: 'ignorer' });
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const [imports, setImports] = useState(0);
  const result = useRef<HTMLDivElement>(null);

  const run = async (dryRun: boolean, partiel = false) => {
    if (!file) return;
    setStep({ kind: 'sending', label: dryRun ? 'Vérification du fichier…' : 'Import en cours…' });
    try {
      const report = await send(file, options, { dryRun, partiel });
      const written = !dryRun && report.lot !== null;
      setStep(written || (!dryRun && report.valide) ? { kind: 'done', report } : { kind: 'checked', report });
      if (written) setImports((n) => n + 1);
    } catch (error) {
      setStep({ kind: 'failed', error: error instanceof ApiError ? error : new ApiError(0, String(error)) });
    }
    requestAnimationFrame(() => result.current?.focus());
  };
  const reset = (patch: Partial<Options>) => {
    setOptions((o) => ({ ...o, ...patch }));
    setStep({ kind: 'idle' });
  };

  return (
    <>
      <p className="u-mt-4">
        <Link href="/ressources">Centre de ressources</Link>
      </p>
      <h1>Importer des notices</h1>
      <p className="u-lead">
        Déposez un fichier RIS, BibTeX, CSL-JSON ou CSV (Zotero, EndNote, Mendeley, JabRef, HAL…) : il est
        d’abord vérifié sans rien enregistrer, puis importé après votre confirmation.
      </p>
      <form
        className="odts-filters"
        onSubmit={(e) => {
          e.preventDefault();
          void run(true);
        }}
      >
        <Upload
          label="Fichier de notices"
          hint="RIS (.ris, .txt), BibTeX ou BibLaTeX (.bib), CSL-JSON (.json), CSV (.csv). Taille maximale : 20 Mo."
          nativeInputProps={{
            accept: '.ris,.txt,.bib,.bibtex,.json,.csv,text/plain,application/json,text/csv',
            onChange: (e) => {
              setFile(e.target.files?.[0] ?? null);
              setStep({ kind: 'idle' });
            },
          }}
        />
        <Select
          label="Format"
          nativeSelectProps={{ value: options.format, onChange: (e) => reset({ format: e.target.value }) }}
        >
          <option value="">Reconnu d’après le fichier</option>
          <option value="ris">RIS</option>
          <option value="bibtex">BibTeX ou BibLaTeX</option>
          <option value="csl-json">CSL-JSON</option>
          <option value="csv">CSV</option>
        </Select>
        <Select
          label="Doublons d’une notice déjà enregistrée"
          hint="Même DOI, même adresse, ou même titre et même année"
          nativeSelectProps={{
            value: options.doublons,
            onChange: (e) => reset({ doublons: e.target.value as Options['doublons'] }),
          }}
        >
          <option value="ignorer">Les ignorer</option>
          <option value="fusionner">Compléter les champs vides de la notice enregistrée</option>
        </Select>
        <Button type="submit" className="u-mt-2" disabled={!file || step.kind === 'sending'}>
          Vérifier le fichier
        </Button>
      </form>

      <div ref={result} tabIndex={-1} aria-live="polite" className="u-mt-4">
        {step.kind === 'sending' && <Loading label={step.label} />}
        {step.kind === 'failed' && <ErrorMessage error={step.error} />}
        {step.kind === 'checked' && (
          <CheckedReport report={step.report} run={run} onCancel={() => reset({})} />
        )}
        {step.kind === 'done' && <DoneReport report={step.report} />}
      </div>
      <PastImports refresh={imports} entite="notice" />
    </>
  );
}

function CheckedReport({
  report,
  run,
  onCancel,
}: {
  report: NoticeImportReport;
  run: (dryRun: boolean, partiel?: boolean) => Promise<void>;
  onCancel: () => void;
}) {
  if (report.erreurs.length === 0) {
    return (
      <>
        <Alert
          severity="info"
          title="Fichier valide : rien n’a encore été enregistré"
          description={importSummary(report, true)}
        />
        <DuplicateTable report={report} />
        <div className="odts-actions u-mt-3">
          <Button onClick={() => void run(false)} disabled={report.crees + report.modifies === 0}>
            Confirmer l’import
          </Button>
          <Button priority="secondary" onClick={onCancel}>
            Annuler
          </Button>
        </div>
      </>
    );
  }
  const partialChoice = report.valides > 0;
  return (
    <>
      <Alert
        severity="error"
        title={`${count(report.signalees, 'notice signalée', 'notices signalées')} sur ${report.lignes} : rien n’a été importé`}
        description={
          partialChoice
            ? `Corrigez le fichier puis déposez-le de nouveau, ou importez seulement les ${report.valides} notices valides.`
            : 'Corrigez le fichier puis déposez-le de nouveau.'
        }
      />
      <IssueTable report={report} />
      {partialChoice && (
        <div className="odts-actions u-mt-3">
          <Button onClick={() => void run(false, true)}>
            {`Importer les ${report.valides} notices valides et ignorer les ${report.signalees} signalées`}
          </Button>
        </div>
      )}
    </>
  );
}

function DoneReport({ report }: { report: NoticeImportReport }) {
  return (
    <>
      <Alert
        severity="success"
        title={report.partiel ? 'Import partiel terminé' : 'Import terminé'}
        description={
          <>
            {importSummary(report, false)} <Link href="/ressources?tri=date">Voir les notices</Link>
          </>
        }
      />
      <DuplicateTable report={report} />
      {report.partiel && report.erreurs.length > 0 && <IssueTable report={report} />}
    </>
  );
}

import { DYNAMIC_KIND_LABELS, type DynamicKind } from '@domain/registry/kinds.ts';
import { formatInteger } from '../../lib/format.ts';
import { Table } from '../../ui/index.ts';
import { AnswerMap } from './AnswerMap.tsx';
import type { Campaign, Progress } from './campaignApi.ts';

type Counts = Pick<Progress, 'destinataires' | 'envoyes' | 'ouverts' | 'repondus' | 'examines'>;

const percent = (n: number, of: number) => (of === 0 ? 0 : Math.round((100 * n) / of));

function Bar({ label, value, of }: { label: string; value: number; of: number }) {
  const p = percent(value, of);
  return (
    <li className="odts-progress">
      <span className="odts-progress__label">
        {label} <strong>{formatInteger(value)}</strong>{' '}
        <span className="odts-muted">
          sur {formatInteger(of)} ({p} %)
        </span>
      </span>
      <progress max={Math.max(of, 1)} value={value} aria-label={`${label} : ${p} %`} />
    </li>
  );
}

function Row({ head, c }: { head: string; c: Counts }) {
  return (
    <tr>
      <th scope="row">{head}</th>
      <td className="odts-num">{formatInteger(c.destinataires)}</td>
      <td className="odts-num">{formatInteger(c.envoyes)}</td>
      <td className="odts-num">{formatInteger(c.ouverts)}</td>
      <td className="odts-num">{formatInteger(c.repondus)}</td>
      <td className="odts-num">{formatInteger(c.examines)}</td>
      <td className="odts-num">{percent(c.repondus, c.destinataires)} %</td>
    </tr>
  );
}

function Breakdown({
  caption,
  first,
  rows,
}: {
  caption: string;
  first: string;
  rows: { head: string; c: Counts }[];
}) {
  return (
    <Table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{first}</th>
          <th scope="col" className="odts-num">
            Destinataires
          </th>
          <th scope="col" className="odts-num">
            Envoyés
          </th>
          <th scope="col" className="odts-num">
            Ouverts
          </th>
          <th scope="col" className="odts-num">
            Répondus
          </th>
          <th scope="col" className="odts-num">
            Examinés
          </th>
          <th scope="col" className="odts-num">
            Taux de réponse
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <Row key={r.head} head={r.head} c={r.c} />
        ))}
      </tbody>
    </Table>
  );
}

/** Where the campaign stands: counts with bars, then per département and per kind. */
export function ProgressPanel({ p, campaign }: { p: Progress; campaign: Campaign }) {
  return (
    <section aria-labelledby="titre-suivi" className="u-mt-4">
      <h2 id="titre-suivi">Suivi</h2>
      <ul className="odts-progress-list">
        <Bar label="Invitations envoyées" value={p.envoyes} of={p.destinataires} />
        <Bar label="Liens ouverts" value={p.ouverts} of={p.destinataires} />
        <Bar label="Saisies en cours" value={p.enCours} of={p.destinataires} />
        <Bar label="Réponses reçues" value={p.repondus} of={p.destinataires} />
        <Bar label="Réponses examinées" value={p.examines} of={p.destinataires} />
      </ul>
      <p>
        Propositions : {formatInteger(p.propositions.a_examiner)} à examiner,{' '}
        {formatInteger(p.propositions.fusionnee)} fusionnées, {formatInteger(p.propositions.rejetee)}{' '}
        rejetées. Relances envoyées : {formatInteger(p.relances)}.
      </p>
      <AnswerMap campaign={campaign} progress={p} />
      {p.parDepartement.length > 0 && (
        <Breakdown
          caption="Par département"
          first="Département"
          rows={p.parDepartement.map((d) => ({ head: `${d.nom} (${d.departement})`, c: d }))}
        />
      )}
      {p.parType.length > 0 && (
        <Breakdown
          caption="Par type de dynamique"
          first="Type"
          rows={p.parType.map((t) => ({ head: DYNAMIC_KIND_LABELS[t.type as DynamicKind] ?? t.type, c: t }))}
        />
      )}
    </section>
  );
}

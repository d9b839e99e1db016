import type { FeatureCollection } from 'geojson';
import { useEffect, useMemo, useState } from 'react';
import { getJson } from '../../api/client.ts';
import { drawAnswers } from './answerMap.ts';
import type { Campaign, Progress } from './campaignApi.ts';

const LEGEND = ['aucune réponse', 'moins de 25 %', '25 à 49 %', '50 à 74 %', '75 % et plus'];

/** Contour requests for the campaign's scope: its région at once, or each of its départements. */
function contourUrls(c: Campaign): string[] {
  if (c.region) return [`/api/contours/departement?region=${encodeURIComponent(c.region)}`];
  return c.departements.map((d) => `/api/contours/departement?departement=${encodeURIComponent(d)}`);
}

/**
 * Départements of the scope shaded by the share of recipients who answered, drawn from the imported
 * contours; without contours nothing is drawn and the table by département says it all.
 */
export function AnswerMap({ campaign, progress }: { campaign: Campaign; progress: Progress }) {
  const urls = useMemo(() => contourUrls(campaign), [campaign]);
  const [data, setData] = useState<FeatureCollection[] | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    Promise.all(urls.map((u) => getJson<FeatureCollection>(u, controller.signal))).then(setData, () =>
      setData(null),
    );
    return () => controller.abort();
  }, [urls]);
  const counts = useMemo(
    () => new Map(progress.parDepartement.map((d) => [d.departement, d])),
    [progress.parDepartement],
  );
  const drawing = useMemo(() => (data ? drawAnswers(data, counts) : null), [data, counts]);
  if (!drawing || drawing.shapes.length === 0) return null;
  return (
    <figure className="u-my-2 odts-answer-map">
      <svg
        viewBox={`0 0 ${drawing.width} ${drawing.height}`}
        role="img"
        aria-label="Carte des réponses par département ; les chiffres sont dans le tableau par département"
      >
        {drawing.shapes.map((s) => (
          <path key={s.code} d={s.d} className={`odts-rate-${s.level}`}>
            <title>
              {s.nom} : {s.rate === null ? 'aucun destinataire' : `${Math.round(100 * s.rate)} % de réponses`}
            </title>
          </path>
        ))}
      </svg>
      <figcaption className="u-text-sm">
        Part des destinataires qui ont répondu :
        <ul className="odts-legend">
          {LEGEND.map((label, level) => (
            <li key={label}>
              <svg width="14" height="14" aria-hidden="true">
                <rect width="14" height="14" className={`odts-rate-${level}`} />
              </svg>{' '}
              {label}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}

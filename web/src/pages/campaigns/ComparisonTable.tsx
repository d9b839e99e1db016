import type { CampaignField } from '@domain/campaigns/vocabulary.ts';
import { Badge, Table } from '../../ui/index.ts';
import type { ProposalDetail } from './campaignApi.ts';
import { fieldValueText } from './fieldValue.ts';

type FieldRow = ProposalDetail['champs'][number];

function Cell({ field, value }: { field: CampaignField; value: unknown }) {
  return (
    <td>
      <p className="odts-diff">{fieldValueText(field, value)}</p>
    </td>
  );
}

/**
 * « Registre à l’ouverture / Proposé / Registre actuel » per field, with a box to keep each changed
 * field; a field someone changed in the registry since the form was opened is flagged.
 */
export function ComparisonTable({
  detail,
  checked,
  onToggle,
  decided,
}: {
  detail: ProposalDetail;
  checked: Set<CampaignField>;
  onToggle: (field: CampaignField, on: boolean) => void;
  decided: boolean;
}) {
  const isNew = detail.nature === 'nouvelle';
  return (
    <Table>
      <caption>Comparaison champ par champ</caption>
      <thead>
        <tr>
          <th scope="col">Champ</th>
          {!isNew && <th scope="col">Registre à l’ouverture</th>}
          <th scope="col">Proposé</th>
          {!isNew && <th scope="col">Registre actuel</th>}
          {!isNew && <th scope="col">Fusionner</th>}
        </tr>
      </thead>
      <tbody>
        {detail.champs.map((c: FieldRow) => (
          <tr key={c.champ} className={c.modifie ? 'odts-changed' : undefined}>
            <th scope="row">
              {c.libelle}
              {c.modifie && !isNew && (
                <>
                  {' '}
                  <Badge small noIcon severity="info">
                    modifié
                  </Badge>
                </>
              )}
              {c.registreModifie && (
                <>
                  {' '}
                  <Badge small noIcon severity="warning">
                    registre modifié depuis
                  </Badge>
                </>
              )}
            </th>
            {!isNew && <Cell field={c.champ} value={c.base} />}
            <td>
              <p className="odts-diff">
                {c.modifie || isNew ? fieldValueText(c.champ, c.propose) : '(inchangé)'}
              </p>
            </td>
            {!isNew && <Cell field={c.champ} value={c.registre} />}
            {!isNew && (
              <td>
                {c.modifie ? (
                  <input
                    type="checkbox"
                    className="odts-check"
                    aria-label={`Fusionner le champ ${c.libelle}`}
                    checked={checked.has(c.champ)}
                    disabled={decided}
                    onChange={(e) => onToggle(c.champ, e.target.checked)}
                  />
                ) : (
                  <span className="odts-muted">—</span>
                )}
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

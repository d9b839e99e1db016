import './campaigns.css';
import { CAMPAIGN_FIELD_LABELS, CAMPAIGN_FIELDS, type CampaignField } from '@domain/campaigns/vocabulary.ts';
import { useState } from 'react';
import { requestJson } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { Loading } from '../../components/StateViews.tsx';
import { todayIso } from '../../lib/format.ts';
import { useTitle } from '../../lib/useTitle.ts';
import { navigate } from '../../router/history.ts';
import { Breadcrumb } from '../../ui/index.ts';
import { asApiError } from '../accounts/accountApi.ts';
import { RefusalOrError } from '../accounts/Refusal.tsx';
import { CampaignForm } from './CampaignForm.tsx';
import { type Campaign, campaignPaths, jsonBody, type Template } from './campaignApi.ts';
import { anchorOf, emptyDraft, inputFromDraft } from './draft.ts';

const NAMES: Record<string, string> = {
  nom: 'Nom de la campagne',
  region: 'Périmètre',
  departements: 'Départements',
  types: 'Types de dynamiques',
  champs: 'Champs à confirmer',
  questions: 'Questions',
  ouverture: 'Ouverture',
  cloture: 'Clôture',
  message: 'Message d’invitation',
  destinataires: 'Destinataires',
  modele: 'Modèle',
};

/** A server error path in words: `questions.1.options` → « Question 2, options ». */
function describe(path: string): string {
  const [head = '', index, sub] = path.split('.');
  if (head === 'questions' && index !== undefined) {
    const part = sub === 'options' ? ', options' : sub === 'type' ? ', type' : '';
    return `Question ${Number(index) + 1}${part}`;
  }
  if (head === 'destinataires' && index !== undefined) return `Destinataire ${Number(index) + 1}`;
  return NAMES[head] ?? CAMPAIGN_FIELD_LABELS[head as CampaignField] ?? head;
}

/** `/campagnes/nouvelle`: prepare a campaign; it is created as a draft, nothing is sent yet. */
export default function NewCampaignPage() {
  useTitle('Nouvelle campagne');
  const templates = useApi<Template[]>('/api/campagnes/modeles');
  const [draft, setDraft] = useState(() => emptyDraft(CAMPAIGN_FIELDS, todayIso()));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<{ message: string; round: number } | null>(null);
  const [saving, setSaving] = useState(false);

  if (templates.status === 'error')
    return (
      <>
        <h1 className="u-mt-4">Nouvelle campagne</h1>
        <RefusalOrError error={templates.error} onRetry={templates.reload} />
      </>
    );
  if (templates.status === 'loading') return <Loading label="Chargement des modèles…" />;

  const fail = (message: string, champs: Record<string, string>) => {
    setErrors(champs);
    setFailure((f) => ({ message, round: (f?.round ?? 0) + 1 }));
  };

  const save = async () => {
    const { body, problems } = inputFromDraft(draft);
    if (problems.length > 0) {
      fail('La liste des destinataires contient des lignes à corriger.', {
        destinataires: problems.map((p) => `ligne ${p.ligne} : ${p.message}`).join(' ; '),
      });
      return;
    }
    setSaving(true);
    try {
      const { data } = await requestJson<Campaign>('/api/campagnes', jsonBody(body));
      navigate(`${campaignPaths.page(data.id)}?cree=1`);
    } catch (e) {
      const error = asApiError(e);
      fail(error.message, error.champs);
      setSaving(false);
    }
  };

  return (
    <>
      <Breadcrumb
        currentPageLabel="Nouvelle campagne"
        homeLinkProps={{ href: '/' }}
        segments={[{ label: 'Campagnes de mise à jour', linkProps: { href: '/campagnes' } }]}
      />
      <h1>Nouvelle campagne</h1>
      <p>
        Une campagne invite les contacts des dynamiques d’un territoire à confirmer ou corriger leurs fiches.
        Leurs réponses sont des propositions : elles n’entrent dans le registre qu’après votre examen.
      </p>
      {failure && (
        <ErrorSummary
          key={failure.round}
          title="La campagne n’a pas été créée"
          errors={errors}
          message={failure.message}
          describe={describe}
          href={(path) => `#${anchorOf(path)}`}
        />
      )}
      <CampaignForm
        draft={draft}
        onChange={setDraft}
        templates={templates.data}
        errors={errors}
        saving={saving}
        onSubmit={() => void save()}
        onCancel={() => navigate('/campagnes')}
      />
    </>
  );
}

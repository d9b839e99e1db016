import type { outboxMessage, outboxPage } from '@domain/kernel/outbox.ts';
import { useState } from 'react';
import type { z } from 'zod';
import { useApi } from '../api/useApi.ts';
import { Empty, Loading } from '../components/StateViews.tsx';
import { count, formatDateTime } from '../lib/format.ts';
import { useTitle } from '../lib/useTitle.ts';
import { Alert, Button, ButtonGroup, Table } from '../ui/index.ts';
import { RefusalOrError } from './accounts/Refusal.tsx';

type Page = z.infer<typeof outboxPage>;
type Message = z.infer<typeof outboxMessage>;
const PER_PAGE = 50;

function MessageText({ fichier }: { fichier: string }) {
  const message = useApi<Message>(`/api/boite-envoi/${encodeURIComponent(fichier)}`);
  if (message.status === 'loading') return <Loading label="Lecture du message…" />;
  if (message.status === 'error') return <RefusalOrError error={message.error} onRetry={message.reload} />;
  return <pre className="odts-message">{message.data.texte}</pre>;
}

/**
 * The outbox: with no SMTP server configured, messages (campaign invitations, password resets) are files
 * the administrator reads here and forwards by hand. Their personal links are secrets: administrators only.
 */
export default function OutboxPage() {
  useTitle('Boîte d’envoi');
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<string | null>(null);
  const box = useApi<Page>(`/api/boite-envoi?page=${page}&parPage=${PER_PAGE}`);
  return (
    <div className="u-my-4">
      <h1>Boîte d’envoi</h1>
      {box.status === 'loading' && <Loading />}
      {box.status === 'error' && <RefusalOrError error={box.error} onRetry={box.reload} />}
      {box.status === 'ok' && !box.data.active && (
        <Alert
          severity="info"
          title="Messages envoyés par SMTP"
          description="Un serveur SMTP est configuré (ODTS_SMTP_URL) : les messages partent directement, la boîte d’envoi n’est pas utilisée."
        />
      )}
      {box.status === 'ok' && box.data.active && (
        <>
          <p>
            Sans serveur SMTP, chaque message est écrit dans <code>{box.data.dossier}</code> au lieu d’être
            envoyé. Ils contiennent des liens personnels : ne les transmettez qu’à leur destinataire.
          </p>
          {box.data.total === 0 ? (
            <Empty>Aucun message n’a encore été écrit.</Empty>
          ) : (
            <>
              <p aria-live="polite">{count(box.data.total, 'message')}</p>
              <Table bordered={false}>
                <caption>Messages, les plus récents d’abord</caption>
                <thead>
                  <tr>
                    <th scope="col">Date</th>
                    <th scope="col">Destinataire</th>
                    <th scope="col">Objet</th>
                    <th scope="col">Texte</th>
                  </tr>
                </thead>
                <tbody>
                  {box.data.resultats.map((m) => (
                    <tr key={m.fichier}>
                      <td>{m.date ? formatDateTime(m.date) : '—'}</td>
                      <td>{m.a}</td>
                      <td>{m.sujet}</td>
                      <td>
                        <Button
                          priority="tertiary"
                          size="small"
                          aria-expanded={open === m.fichier}
                          onClick={() => setOpen(open === m.fichier ? null : m.fichier)}
                        >
                          {open === m.fichier ? 'Masquer' : 'Lire'} le message à {m.a}
                        </Button>
                        {open === m.fichier && <MessageText fichier={m.fichier} />}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </Table>
              <ButtonGroup>
                <li>
                  <Button
                    priority="secondary"
                    size="small"
                    disabled={page === 1}
                    onClick={() => setPage(page - 1)}
                  >
                    Messages plus récents
                  </Button>
                </li>
                <li>
                  <Button
                    priority="secondary"
                    size="small"
                    disabled={page * PER_PAGE >= box.data.total}
                    onClick={() => setPage(page + 1)}
                  >
                    Messages plus anciens
                  </Button>
                </li>
              </ButtonGroup>
            </>
          )}
        </>
      )}
    </div>
  );
}

import type { outboxMessage } from '@domain/kernel/outbox.ts';
import { useState } from 'react';
import type { z } from 'zod';
import { useApi } from '../../api/useApi.ts';
import { ErrorMessage, Loading } from '../../components/StateViews.tsx';
import { Button } from '../../ui/index.ts';
import { campaignPaths } from './campaignApi.ts';

type Message = z.infer<typeof outboxMessage>;

function Text({ url }: { url: string }) {
  const message = useApi<Message>(url);
  if (message.status === 'loading') return <Loading label="Lecture du message…" />;
  if (message.status === 'error') return <ErrorMessage error={message.error} />;
  return <pre className="odts-message">{message.data.texte}</pre>;
}

/**
 * The last message written for a recipient in the outbox (no SMTP server): read here, it can be forwarded
 * by hand with its personal link.
 */
export function RecipientMessage({
  campaign,
  recipient,
  email,
}: {
  campaign: string;
  recipient: string;
  email: string;
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button priority="tertiary" size="small" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? 'Masquer' : 'Lire'} le message à {email}
      </Button>
      {open && (
        <Text url={`${campaignPaths.api(campaign)}/destinataires/${encodeURIComponent(recipient)}/message`} />
      )}
    </>
  );
}

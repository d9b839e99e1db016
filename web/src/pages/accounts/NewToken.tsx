import { useEffect, useRef, useState } from 'react';
import { Alert, Button, TextInput } from '../../ui/index.ts';
import type { CreatedToken } from './accountApi.ts';

/**
 * The secret of a new token, shown this once (the server keeps only its digest): focused when it
 * appears, selectable, with a copy button.
 */
export function NewToken({ token, onDone }: { token: CreatedToken; onDone: () => void }) {
  const box = useRef<HTMLElement>(null);
  const field = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'idle' | 'ok' | 'select'>('idle');
  useEffect(() => box.current?.focus(), []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(token.jeton);
      setCopied('ok');
    } catch {
      // No clipboard access (insecure origin, refused permission): select it for a manual copy.
      field.current?.select();
      setCopied('select');
    }
  }

  return (
    <section ref={box} tabIndex={-1} className="u-my-4" aria-labelledby="nouveau-jeton-titre">
      <Alert
        severity="success"
        title={<span id="nouveau-jeton-titre">Jeton « {token.libelle} » créé</span>}
        description={
          <>
            <p>
              Copiez-le maintenant : il ne sera plus jamais affiché. Les scripts l’envoient dans l’en-tête{' '}
              <code>Authorization: Bearer …</code>.
            </p>
            <label htmlFor="nouveau-jeton" className="u-sr-only">
              Jeton d’API
            </label>
            <TextInput
              id="nouveau-jeton"
              ref={field}
              readOnly
              value={token.jeton}
              spellCheck={false}
              onFocus={(e) => e.target.select()}
            />
            <div className="u-mt-2">
              <Button size="small" onClick={copy}>
                Copier le jeton
              </Button>{' '}
              <Button size="small" priority="secondary" onClick={onDone}>
                J’ai copié le jeton
              </Button>
            </div>
            <p aria-live="polite" className="u-text-sm u-mt-2">
              {copied === 'ok' && 'Jeton copié dans le presse-papiers.'}
              {copied === 'select' &&
                'Copie automatique impossible : le jeton est sélectionné, copiez-le (Ctrl+C).'}
            </p>
          </>
        }
      />
    </section>
  );
}

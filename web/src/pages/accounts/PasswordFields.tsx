import { Input } from '../../ui/index.ts';

/**
 * A new password typed twice. The copy is compared here, before anything is sent; the server judges
 * the password itself (length, characters) and its message shows under the first field.
 */
export function NewPasswordFields({
  value,
  copy,
  onValue,
  onCopy,
  serverError,
  mismatch,
  idPrefix,
}: {
  value: string;
  copy: string;
  onValue: (v: string) => void;
  onCopy: (v: string) => void;
  serverError: string | undefined;
  mismatch: boolean;
  idPrefix: string;
}) {
  return (
    <>
      <Input
        label="Nouveau mot de passe"
        hintText="Au moins 12 caractères ; une phrase facile à retenir convient bien."
        state={serverError ? 'error' : 'default'}
        stateRelatedMessage={serverError}
        nativeInputProps={{
          id: `${idPrefix}-nouveau`,
          type: 'password',
          autoComplete: 'new-password',
          value,
          onChange: (e) => onValue(e.target.value),
        }}
      />
      <Input
        label="Confirmation du nouveau mot de passe"
        state={mismatch ? 'error' : 'default'}
        stateRelatedMessage={mismatch ? 'Les deux saisies du nouveau mot de passe diffèrent.' : undefined}
        nativeInputProps={{
          id: `${idPrefix}-confirmation`,
          type: 'password',
          autoComplete: 'new-password',
          value: copy,
          onChange: (e) => onCopy(e.target.value),
        }}
      />
    </>
  );
}

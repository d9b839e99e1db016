import { useState } from 'react';
import { Button, Upload } from '../../ui/index.ts';
import { errorState } from '../edit/fieldErrors.ts';
import { fieldId } from './fieldPaths.ts';

const MAX_BYTES = 200 * 1024;

function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/**
 * The author organisation's logo, printed with its name at the top of the documents: a PNG or JPEG
 * image of 200 KB at most, kept in the sélection itself.
 */
export function LogoField({
  value,
  organisation,
  onChange,
  error,
}: {
  value: string;
  organisation: string | null;
  onChange: (logo: string) => void;
  error: string | undefined;
}) {
  const [refusal, setRefusal] = useState<string | null>(null);
  const message = refusal ?? error;
  return (
    <div>
      {value && (
        <p className="odts-actions">
          <img
            src={value}
            alt={`Logo actuel${organisation ? ` de ${organisation}` : ''}`}
            style={{ maxHeight: '3rem' }}
          />
          <Button type="button" size="small" priority="secondary" onClick={() => onChange('')}>
            Retirer le logo
          </Button>
        </p>
      )}
      <Upload
        label={value ? 'Remplacer le logo de l’organisation auteure' : 'Logo de l’organisation auteure'}
        hint={
          organisation
            ? `Imprimé avec « ${organisation} » en tête des documents. PNG ou JPEG, 200 Ko au plus.`
            : 'Ajoutez d’abord l’organisation parmi les auteurs. PNG ou JPEG, 200 Ko au plus.'
        }
        {...errorState(message)}
        nativeInputProps={{
          id: fieldId('logo'),
          accept: 'image/png,image/jpeg',
          onChange: async (e) => {
            const file = e.target.files?.[0];
            if (!file) return;
            if (!['image/png', 'image/jpeg'].includes(file.type)) {
              setRefusal('logo : image PNG ou JPEG attendue');
              return;
            }
            if (file.size > MAX_BYTES) {
              setRefusal('logo : 200 Ko au plus');
              return;
            }
            setRefusal(null);
            onChange(await readAsDataUrl(file));
          },
        }}
      />
    </div>
  );
}

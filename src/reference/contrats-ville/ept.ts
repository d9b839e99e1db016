import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** An établissement public territorial of the Métropole du Grand Paris and its member communes. */
export interface EptRef {
  code: string;
  nom: string;
  communes: string[];
}

/**
 * Contrats de ville of the Grand Paris are signed by EPT, which are not EPCI à fiscalité propre and so
 * are not in the epci table; the same package as the administrative reference lists them.
 */
export function loadEpt(): EptRef[] {
  const file = require.resolve('@etalab/decoupage-administratif/data/ept.json');
  const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as {
    code: string;
    nom: string;
    membres: { code: string }[];
  }[];
  return raw.map((e) => ({ code: e.code, nom: e.nom, communes: e.membres.map((m) => m.code) }));
}

/**
 * `npm run data:build [-- --from DIR] [--officiel] [--contours SRC…] [--qpv SRC] [--qpv-population SRC…]
 * [--contrats SRC] [--out DIR] [--tolerance N]`
 *
 * Builds the reference layers shipped in data-seed/reference/ from open data: the inputs are read from a
 * local copy of the publications (--from DIR), from the given paths or URLs, and otherwise from the official
 * publications themselves (the default, which needs the network; --officiel says it explicitly).
 * Same inputs, same bytes out.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CONTOURS_DEFAULT, CONTRATS_VILLE_DEFAULT, QPV_DEFAULT } from '../src/reference/default-sources.ts';
import { vintageOf } from '../src/reference/import-report.ts';
import type { ShippedLayerEntry, ShippedManifest, ShippedSource } from '../src/reference/shipped/manifest.ts';
import { MANIFEST_FILE, SHIPPED_DIR } from '../src/reference/shipped/manifest.ts';
import { buildContours, DEFAULT_CONTOUR_SETTINGS } from './reference-data/build-contours.ts';
import { buildContrats } from './reference-data/build-contrats.ts';
import { buildQpv } from './reference-data/build-qpv.ts';
import { KNOWN_INPUTS, LAYER_LABELS } from './reference-data/known-inputs.ts';
import type { InputRecord } from './reference-data/read-input.ts';
import { sha256, writeGzipJson, writeJson } from './reference-data/write-output.ts';

const { values } = parseArgs({
  options: {
    from: { type: 'string' },
    officiel: { type: 'boolean', default: false },
    contours: { type: 'string', multiple: true },
    qpv: { type: 'string' },
    'qpv-population': { type: 'string', multiple: true },
    contrats: { type: 'string' },
    out: { type: 'string', default: SHIPPED_DIR },
    tolerance: { type: 'string', default: String(DEFAULT_CONTOUR_SETTINGS.tolerance) },
  },
});

// Without a local copy, the layers are rebuilt from the publications themselves.
const official = values.officiel || values.from === undefined;
const from = (...parts: string[]) => path.join(path.resolve(values.from ?? '.'), ...parts);
const inputs = {
  contours:
    values.contours ?? (official ? CONTOURS_DEFAULT.urls : [from('contours', 'france-2026-s4.topo.json')]),
  qpv: values.qpv ?? (official ? (QPV_DEFAULT.urls[0] as string) : from('qpv', 'qpv-2024-liste.json')),
  qpvPopulation: values['qpv-population'] ?? (official ? [] : [from('qpv', 'occitanie-2015', 'qp.csv')]),
  contrats:
    values.contrats ??
    (official
      ? (CONTRATS_VILLE_DEFAULT.urls[0] as string)
      : from('contrats-ville', 'contrats-ville-2024.json')),
};
const out = values.out;
const settings = { ...DEFAULT_CONTOUR_SETTINGS, tolerance: Number(values.tolerance) };

function describe(records: InputRecord[], producer: string): ShippedSource[] {
  return records.map((r) => {
    const known = KNOWN_INPUTS[r.name];
    const adresse = /^https?:/.test(r.source) ? r.source : r.name;
    return {
      titre: known?.titre ?? r.name,
      producteur: known?.producteur ?? producer,
      adresse,
      millesime: known?.millesime ?? 'non précisé',
      licence: known?.licence ?? 'voir la page de la publication',
      sha256: r.sha256,
    };
  });
}

function entry(
  couche: ShippedLayerEntry['couche'],
  fichier: string,
  written: { content: Buffer; bytes: Buffer },
  rest: Pick<ShippedLayerEntry, 'comptes' | 'traitement' | 'sources'>,
): ShippedLayerEntry {
  const libelle = LAYER_LABELS[couche];
  return {
    couche,
    fichier,
    libelle,
    millesime: vintageOf(libelle, [written.content]),
    sha256: sha256(written.bytes),
    octets: written.bytes.length,
    ...rest,
  };
}

const log = (message: string) => process.stdout.write(`${message}\n`);

log(`Contours : ${inputs.contours.join(', ')}`);
const contours = await buildContours(inputs.contours, settings);
const contoursFile = 'contours.topo.json.gz';
const contoursEntry = entry('contours', contoursFile, writeGzipJson(out, contoursFile, contours.topology), {
  comptes: contours.counts,
  traitement:
    `codes seuls (noms, départements et régions viennent du référentiel à l’import) ; topologie recalculée ` +
    `(frontières partagées entre niveaux), grille de ${settings.quantization} positions par axe, ` +
    `simplification de Douglas-Peucker à ${settings.tolerance} pas de grille`,
  sources: describe(contours.inputs, CONTOURS_DEFAULT.producer),
});
log(
  `  ${Object.entries(contours.counts)
    .map(([k, v]) => `${v} ${k}`)
    .join(', ')} · ${contoursEntry.octets} octets`,
);

log(
  `QPV : ${inputs.qpv}${inputs.qpvPopulation.length > 0 ? ` ; population : ${inputs.qpvPopulation.join(', ')}` : ''}`,
);
const qpv = await buildQpv(inputs.qpv, inputs.qpvPopulation);
const qpvFile = 'qpv-2024.json.gz';
const qpvEntry = entry('qpv', qpvFile, writeGzipJson(out, qpvFile, qpv.qpv), {
  comptes: qpv.counts,
  traitement:
    'code, nom, département et codes INSEE des communes ; population reprise seulement quand le code du ' +
    `quartier est identique dans un fichier de population (${qpv.populationRead} lue(s), ` +
    `${qpv.counts.avecPopulation} rattachée(s)) ; périmètres non livrés`,
  sources: describe(qpv.inputs, QPV_DEFAULT.producer),
});
log(`  ${qpv.counts.qpv} QPV, ${qpv.counts.avecPopulation} avec population · ${qpvEntry.octets} octets`);

log(`Contrats de ville : ${inputs.contrats}`);
const contrats = await buildContrats(inputs.contrats);
const contratsFile = 'contrats-ville-2024.json.gz';
const contratsEntry = entry(
  'contrats_ville',
  contratsFile,
  writeGzipJson(out, contratsFile, contrats.contrats),
  {
    comptes: contrats.counts,
    traitement:
      'une ligne par territoire de contrat : code, libellé sans préfixe de département, code du territoire ' +
      '(SIREN ou INSEE), département, chiffre de population publié avec le contrat ; points non livrés',
    sources: describe(contrats.inputs, CONTRATS_VILLE_DEFAULT.producer),
  },
);
log(
  `  ${contrats.counts.territoires} territoires, ${contrats.counts.contrats} contrats · ${contratsEntry.octets} octets`,
);

const manifest: ShippedManifest = {
  description:
    'Couches de référence livrées avec Observatoire DTS, construites par npm run data:build à partir de ' +
    'données ouvertes ; chargées au premier démarrage (voir data-seed/README.md).',
  licence: 'Licence Ouverte 2.0 (Etalab), comme les données dont elles sont tirées',
  attribution:
    'Contours : IGN (Admin Express) et INSEE (COG) ; quartiers prioritaires et contrats de ville : ANCT ; ' +
    'population des quartiers : INSEE. Fichiers dérivés par le projet Observatoire DTS.',
  couches: [contoursEntry, qpvEntry, contratsEntry],
};
writeJson(out, MANIFEST_FILE, manifest);
log(`Écrit dans ${out}`);

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/domain/actor.ts';
import { isAppError } from '../../src/domain/errors.ts';
import { GlossaryFileError, readGlossaryFile } from '../../src/resources/glossary/glossary-seed.ts';
import { createTestApp } from '../helpers/context.ts';
import {
  databaseFingerprint,
  expectFrenchError,
  FUZZ_SEED,
  NASTY_STRINGS,
  nastyValue,
} from '../helpers/fuzz-inputs.ts';
import { clearOptionalLayers, tempSource } from '../helpers/reference-layers.ts';

// Every importer fed generated files: the registry's (CSV), the bibliographic base's (RIS, BibTeX,
// CSL-JSON, CSV), the glossary's (JSON) and the reference layers' (QPV, contrats de ville, contours). A
// file is imported whole or refused with reasons in French; nothing is written when it is refused, and
// no error escapes as a crash.

const RUNS = Number(process.env.FUZZ_RUNS ?? 14) * 2;
const actor = systemActor('tests');

let t: Awaited<ReturnType<typeof createTestApp>>;
let started: Date;
beforeAll(async () => {
  started = new Date();
  t = await createTestApp();
});
afterAll(async () => {
  const db = t.ctx.database.db;
  for (const table of ['dynamique', 'notice', 'glossaire'] as const) {
    await db.deleteFrom(table).where('cree_le', '>=', started).execute();
  }
  await clearOptionalLayers(db);
  await t.close();
});

const fingerprint = () => databaseFingerprint(t.ctx.database.db);

/** A cell: mostly plausible, often nasty. */
const cell = (plausible: string[]) =>
  fc.oneof(
    fc.constantFrom(...plausible),
    fc.constantFrom(...NASTY_STRINGS),
    fc.string({ unit: 'binary', maxLength: 12 }),
  );

const csvCell = (value: string) => `"${value.replaceAll('"', '""')}"`;

function table(columns: Record<string, string[]>): fc.Arbitrary<string> {
  const names = Object.keys(columns);
  const row = fc.tuple(...names.map((n) => cell(columns[n] ?? [])));
  return fc
    .tuple(
      fc.subarray(names, { minLength: 1 }),
      fc.array(row, { minLength: 1, maxLength: 4 }),
      fc.constantFrom(';', ',', '\t'),
    )
    .map(([header, rows, sep]) =>
      [header, ...rows.map((r) => header.map((h) => r[names.indexOf(h)] as string))]
        .map((cells) => cells.map(csvCell).join(sep))
        .join('\r\n'),
    );
}

/** After an import attempt: a refusal changed nothing; an acceptance becomes the new state. */
async function checkImport(
  before: string,
  res: { statusCode: number; headers: Record<string, unknown>; body: string },
  what: string,
): Promise<void> {
  expect(res.statusCode, `${what} → ${res.body.slice(0, 300)}`).toBeLessThan(500);
  if (res.statusCode >= 400) {
    expectFrenchError(res.statusCode, res.headers['content-type'], res.body, what);
    expect(await fingerprint(), what).toBe(before);
    return;
  }
  const report = JSON.parse(res.body) as { valide: boolean; dryRun: boolean };
  if (!report.valide || report.dryRun)
    expect(await fingerprint(), `${what}: refused, yet written`).toBe(before);
}

describe('registry import (CSV)', () => {
  const columns = {
    type: ['CLS', 'CPTS', 'ASV', 'X'],
    nom: ['Contrat local de santé fuzz'],
    statut: ['actif', 'en projet', 'inconnu'],
    communes: ['42218', '42218,42207', '99999'],
    epci: ['244200770'],
    departements: ['42', '2A'],
    porteur: ['Ville de Saint-Étienne'],
    dateDebut: ['2013-05-01', '01/09/2021', '0000-01-01', '31/02/2020'],
    dateFin: ['2026-12-31'],
    source: ['Délibération'],
    sourceUrl: ['https://exemple.fr', 'javascript:alert(1)'],
  };

  it('answers a report or a French 4xx, and writes nothing when the file is refused', async () => {
    await fc.assert(
      fc.asyncProperty(
        table(columns),
        fc.boolean(),
        fc.constantFrom('text/csv', 'application/octet-stream'),
        async (csv, dryRun, type) => {
          const before = await fingerprint();
          const res = await t.app.inject({
            method: 'POST',
            url: `/api/imports/dynamiques?dryRun=${dryRun}`,
            headers: { 'content-type': type },
            payload: csv,
          });
          await checkImport(before, res, `import ${JSON.stringify(csv).slice(0, 400)}`);
        },
      ),
      { seed: FUZZ_SEED, numRuns: RUNS, endOnFailure: true },
    );
  });

  it('bytes that are no table at all', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 300 }),
        fc.constantFrom('', 'PK\u0003\u0004'),
        async (bytes, prefix) => {
          const before = await fingerprint();
          const res = await t.app.inject({
            method: 'POST',
            url: '/api/imports/dynamiques',
            headers: { 'content-type': 'application/octet-stream' },
            payload: Buffer.concat([Buffer.from(prefix, 'latin1'), Buffer.from(bytes)]),
          });
          await checkImport(before, res, `octets ${Buffer.from(bytes).toString('hex').slice(0, 80)}`);
        },
      ),
      { seed: FUZZ_SEED, numRuns: RUNS, endOnFailure: true },
    );
  });
});

describe('bibliographic import', () => {
  const text = cell(['Rapport sur les CLS', 'Durand, Claire', '2020', 'https://exemple.fr/r']);
  const files = fc.oneof(
    fc.tuple(text, text, text, text).map(([ti, au, py, ur]) => ({
      format: 'ris',
      body: ['TY  - RPRT', `TI  - ${ti}`, `AU  - ${au}`, `PY  - ${py}`, `UR  - ${ur}`, 'ER  - ', ''].join(
        '\n',
      ),
    })),
    fc.tuple(text, text, text).map(([ti, au, year]) => ({
      format: 'bibtex',
      body: `@techreport{cle,\n  title = {${ti}},\n  author = {${au}},\n  year = {${year}}\n}\n`,
    })),
    fc
      .array(
        fc.dictionary(
          fc.constantFrom('type', 'title', 'author', 'issued', 'URL', 'DOI', '__proto__'),
          nastyValue,
          { maxKeys: 5 },
        ),
        { maxLength: 3 },
      )
      .map((items) => ({
        format: 'csl-json',
        body: JSON.stringify(items),
      })),
    table({
      type: ['rapport', 'article'],
      titre: ['Titre'],
      date: ['2020', '2020-13'],
      url: ['https://exemple.fr'],
    }).map((body) => ({
      format: 'csv',
      body,
    })),
  );

  it('answers a report or a French 4xx, and writes nothing when the file is refused', async () => {
    await fc.assert(
      fc.asyncProperty(files, fc.boolean(), fc.boolean(), async ({ format, body }, named, dryRun) => {
        const before = await fingerprint();
        const res = await t.app.inject({
          method: 'POST',
          url: `/api/imports/ressources?dryRun=${dryRun}${named ? `&format=${format}` : ''}`,
          headers: { 'content-type': 'text/plain' },
          payload: body,
        });
        await checkImport(before, res, `${format} ${JSON.stringify(body).slice(0, 400)}`);
      }),
      {
        seed: FUZZ_SEED,
        numRuns: RUNS * 2,
        endOnFailure: true,
        // Escapes that JSON decodes into text PostgreSQL cannot store.
        examples: [
          [
            {
              format: 'csl-json',
              body: '[{"type":"report","title":"T\\u0000","issued":{"date-parts":[[2020]]}}]',
            },
            true,
            false,
          ],
          [
            {
              format: 'csl-json',
              body: '[{"type":"report","title":"T\\ud800","issued":{"date-parts":[[2020]]}}]',
            },
            true,
            false,
          ],
        ],
      },
    );
  });
});

describe('glossary import (JSON file)', () => {
  const term = fc.record(
    {
      sigle: cell(['CLS', 'ARS']),
      forme: cell(['contrat local de santé']),
      definition: cell(['Accord entre une ARS et une collectivité.']),
      variantes: fc.array(cell(['variante']), { maxLength: 2 }),
      sources: fc.array(fc.record({ url: cell(['https://exemple.fr']), titre: cell(['Source']) }), {
        maxLength: 2,
      }),
    },
    { requiredKeys: [] },
  );

  it('imports the whole file or refuses it with a French reason, writing nothing then', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.array(term, { maxLength: 3 }), nastyValue), async (termes) => {
        const before = await fingerprint();
        const file = tempSource('glossaire.json', JSON.stringify({ termes }));
        try {
          const { terms } = readGlossaryFile(file);
          await t.ctx.services.resources.glossary.importMany(actor, terms, { replace: true });
        } catch (error) {
          const known = error instanceof GlossaryFileError || isAppError(error);
          expect(known, `${JSON.stringify(termes).slice(0, 300)}: ${(error as Error).stack}`).toBe(true);
          expect(await fingerprint()).toBe(before);
        }
      }),
      {
        seed: FUZZ_SEED,
        numRuns: RUNS,
        endOnFailure: true,
        examples: [
          [[{ forme: 'Forme\u0000', definition: 'd' }]],
          [[{ forme: 'Forme \uD800', definition: 'd' }]],
        ],
      },
    );
  });
});

describe('reference layer imports', () => {
  const property = fc.oneof(
    cell(['QN04201M', '42218', 'Saint-Étienne', '42', '1234', 'CV042001', '244200770']),
    nastyValue,
  );
  const properties = fc.dictionary(
    fc.constantFrom(
      'code',
      'code_qp',
      'nom',
      'lib_qp',
      'dep',
      'insee_com',
      'code_cv',
      'lib_cv',
      'codgeo',
      'population',
      'nom_commune',
      'insee_reg',
      '__proto__',
    ),
    property,
    { maxKeys: 6 },
  );
  const geometry = fc.constantFrom(
    null,
    {
      type: 'Polygon',
      coordinates: [
        [
          [4.3, 45.4],
          [4.4, 45.4],
          [4.4, 45.5],
          [4.3, 45.4],
        ],
      ],
    },
    {
      type: 'Polygon',
      coordinates: [
        [
          [1e308, -1e308],
          [Number.MAX_VALUE, 0],
        ],
      ],
    },
    { type: 'Point', coordinates: [] },
    { type: 'Inconnu' },
  );
  const source = fc.oneof(
    fc
      .array(fc.record({ type: fc.constant('Feature'), properties, geometry }), { maxLength: 3 })
      .map((features) => ({
        name: 'couche.geojson',
        body: JSON.stringify({ type: 'FeatureCollection', features }),
      })),
    fc
      .array(properties, { maxLength: 3 })
      .map((items) => ({ name: 'couche.json', body: JSON.stringify(items) })),
    table({
      code_qp: ['QN04201M'],
      nom_qp: ['Quartier'],
      insee_com: ['42218'],
      code_cv: ['CV042001'],
      lib_cv: ['Contrat'],
      codgeo: ['42218'],
    }).map((body) => ({
      name: 'couche.csv',
      body,
    })),
    fc
      .uint8Array({ maxLength: 200 })
      .map((bytes) => ({ name: 'couche.bin', body: Buffer.from(bytes).toString('latin1') })),
  );

  it('imports a layer whole or refuses it with French reasons, writing nothing then', async () => {
    const reference = t.ctx.services.reference;
    await fc.assert(
      fc.asyncProperty(
        source,
        fc.constantFrom('qpv', 'contrats', 'contours'),
        async ({ name, body }, layer) => {
          const before = await fingerprint();
          const file = tempSource(name, body);
          const what = `${layer} ${name} ${body.slice(0, 300)}`;
          try {
            const report =
              layer === 'qpv'
                ? await reference.importQpv(actor, file, { force: true })
                : layer === 'contrats'
                  ? await reference.importContratsVille(actor, file, { force: true })
                  : await reference.importContours(actor, [file], { force: true });
            if (!report.written) expect(await fingerprint(), what).toBe(before);
            for (const issue of report.errors) expect(typeof issue.message, what).toBe('string');
          } catch (error) {
            expect(isAppError(error), `${what}: ${(error as Error).stack}`).toBe(true);
            expect(await fingerprint(), what).toBe(before);
          }
        },
      ),
      {
        seed: FUZZ_SEED,
        numRuns: RUNS,
        endOnFailure: true,
        examples: [
          [
            {
              name: 'q.json',
              body: JSON.stringify([{ code: 'QN04201M', nom: 'Q\u0000', insee_com: '42218' }]),
            },
            'qpv',
          ],
          [
            {
              name: 'q.json',
              body: JSON.stringify([{ code: 'QN04201M', nom: 'Q\uD800', insee_com: '42218' }]),
            },
            'qpv',
          ],
          [
            {
              name: 'c.json',
              body: JSON.stringify([{ code_cv: 'CV042001', lib_cv: 'C\u0000', codgeo: '42218' }]),
            },
            'contrats',
          ],
        ],
      },
    );
  });
});

import { createRequire } from 'node:module';

/**
 * A synthetic FINESS extraction of national size (about 100,000 establishments, a few thousand of them
 * maisons de santé, centres de santé and CPTS) on real commune codes, to time the import. Names and
 * numbers are generated, never real establishments. Deterministic for a given seed.
 */
const require = createRequire(import.meta.url);
const OVERSEAS_LETTER: Record<string, string> = { '1': 'A', '2': 'B', '3': 'C', '4': 'D', '6': 'F' };
const CATEGORIES: [string, string, number][] = [
  ['603', 'Maison de santé (L.6223-3)', 0.025],
  ['124', 'Centre de Santé', 0.025],
  ['604', 'Communautés professionnelles territoriales de santé (CPTS)', 0.008],
];

function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function generateExtraction(
  lines = 100_000,
  date = '2024-07-01',
  seed = 7,
): { text: string; inCategories: number } {
  const communes = (
    require('@etalab/decoupage-administratif/data/communes.json') as { code: string; type: string }[]
  )
    .filter((c) => c.type === 'commune-actuelle' && !/^(975|977|978|98)/.test(c.code))
    .map((c) => c.code);
  const rand = prng(seed);
  const out: string[] = [`finess;etalab;${lines};${date}`];
  const geo: string[] = [];
  let inCategories = 0;
  for (let i = 0; i < lines; i++) {
    const insee = communes[Math.floor(rand() * communes.length)] as string;
    const overseas = insee.startsWith('97');
    const dep = overseas ? `9${OVERSEAS_LETTER[insee[2] as string]}` : insee.slice(0, 2);
    const commune = insee.slice(2);
    const r = rand();
    let acc = 0;
    let cat: [string, string] = ['500', 'Établissement d’hébergement'];
    for (const [code, label, share] of CATEGORIES) {
      acc += share;
      if (r < acc) {
        cat = [code, label];
        inCategories += 1;
        break;
      }
    }
    const id = `${overseas ? '97' : dep}${String(i).padStart(7, '0')}`.slice(0, 9);
    const month = String(1 + Math.floor(rand() * 12)).padStart(2, '0');
    const opened = `${2000 + Math.floor(rand() * 24)}-${month}-01`;
    const fields = [
      'structureet',
      id,
      id,
      `ETAB ${i}`,
      `ÉTABLISSEMENT SYNTHÉTIQUE ${i}`,
      '',
      '',
      '1',
      'RUE',
      'DU BANC',
      '',
      '',
      commune,
      dep,
      '',
      `${insee} VILLE`,
      '',
      '',
      cat[0],
      cat[1],
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      opened,
      opened,
      date,
      '',
    ];
    out.push(fields.join(';'));
    if (!overseas)
      geo.push(
        `geolocalisation;${id};${600000 + Math.floor(rand() * 400000)};${6300000 + Math.floor(rand() * 700000)};1,ATLASANTE,LAMBERT_93;${date}`,
      );
  }
  return { text: `${[...out, ...geo].join('\n')}\n`, inCategories };
}

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { noticeInput } from '../../src/domain/resources/schemas.ts';

// The notices entered from the seed documents: each file must load without a single rejected record.
const DIR = path.resolve('data-seed', 'ressources');
const files = fs.readdirSync(DIR).filter((f) => f.endsWith('.json'));

interface Section {
  titre: string;
  notices: string[];
  sections: Section[];
}

function walk(sections: Section[], visit: (s: Section) => void) {
  for (const s of sections) {
    visit(s);
    walk(s.sections, visit);
  }
}

describe('seed resource files', () => {
  it('cover the five seed documents', () => {
    expect(files.length).toBe(5);
  });

  for (const file of files) {
    describe(file, () => {
      const seed = JSON.parse(fs.readFileSync(path.join(DIR, file), 'utf8'));

      it('name their source document', () => {
        expect(`${seed.document.fichier.replace(/\.txt$/, '')}.json`).toBe(file);
        expect(seed.selection.titre.length).toBeGreaterThan(5);
      });

      it('hold notices that all validate, with unique keys', () => {
        const keys = new Set<string>();
        for (const { cle, ...notice } of seed.notices) {
          const parsed = noticeInput.safeParse(notice);
          expect(parsed.success, `${cle}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
          expect(keys.has(cle), `clé en double : ${cle}`).toBe(false);
          keys.add(cle);
        }
      });

      it('cite from their sections only notices of the file, and every notice at least once', () => {
        const keys = new Set<string>(seed.notices.map((n: { cle: string }) => n.cle));
        const cited = new Set<string>();
        walk(seed.selection.sections, (s) => {
          for (const k of s.notices) {
            expect(keys.has(k), `${s.titre} → ${k}`).toBe(true);
            cited.add(k);
          }
        });
        expect([...keys].filter((k) => !cited.has(k))).toEqual([]);
      });
    });
  }
});

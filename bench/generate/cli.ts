import { performance } from 'node:perf_hooks';
import { ensureBenchDataset } from './dataset.ts';

/** `npm run bench:data [-- --force]`: writes the national benchmark dataset into bench/.data/. */
const force = process.argv.includes('--force');
const started = performance.now();
const result = ensureBenchDataset({ force });
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(
  result.generated
    ? `Jeu de données généré en ${seconds} s dans ${result.dir}`
    : `Jeu de données déjà à jour dans ${result.dir} (--force pour le régénérer)`,
);
for (const f of Object.values(result.manifest.files)) {
  console.log(
    `  ${f.name.padEnd(16)} ${(f.bytes / 1e6).toFixed(1).padStart(6)} Mo  sha256 ${f.sha256.slice(0, 16)}`,
  );
}

/**
 * `npm audit` of the production dependencies, run by CI before the tests: fails on a high or critical
 * advisory. When the registry's audit service cannot be reached (no network, or a registry mirror that
 * answers 405 to the bulk advisory request), says so plainly and lets CI go on: the audit could not run,
 * which is not the same as a clean audit.
 */
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';

export interface AuditVerdict {
  /** false: fail CI. */
  ok: boolean;
  /** Lines to print, in French. */
  lines: string[];
}

interface Vulnerability {
  name?: string;
  severity?: string;
  range?: string;
  via?: (string | { title?: string; url?: string })[];
}

const BLOCKING = new Set(['high', 'critical']);

/** What to make of `npm audit --json`'s output (its exit status says nothing more). */
export function auditVerdict(stdout: string): AuditVerdict {
  let report: {
    vulnerabilities?: Record<string, Vulnerability>;
    metadata?: { vulnerabilities?: Record<string, number> };
    message?: string;
    error?: { summary?: string };
  };
  try {
    report = JSON.parse(stdout);
  } catch {
    return unreachable('réponse illisible');
  }
  if (!report.metadata?.vulnerabilities) {
    return unreachable(report.message ?? report.error?.summary ?? 'réponse sans résultat d’audit');
  }
  const blocking = Object.values(report.vulnerabilities ?? {}).filter((v) => BLOCKING.has(v.severity ?? ''));
  const counts = report.metadata.vulnerabilities;
  const summary = Object.entries(counts)
    .filter(([level, n]) => level !== 'total' && n > 0)
    .map(([level, n]) => `${n} ${level}`)
    .join(', ');
  if (blocking.length === 0) {
    return {
      ok: true,
      lines: [
        `Audit des dépendances de production : aucune vulnérabilité élevée ou critique${summary ? ` (${summary})` : ''}.`,
      ],
    };
  }
  return {
    ok: false,
    lines: [
      `Audit des dépendances de production : ${blocking.length} paquet(s) avec une vulnérabilité élevée ou critique.`,
      ...blocking.map((v) => {
        const advisories = (v.via ?? [])
          .map((a) => (typeof a === 'string' ? `via ${a}` : `${a.title ?? 'avis'} ${a.url ?? ''}`.trim()))
          .join(' ; ');
        return `  - ${v.name} (${v.severity}, versions ${v.range ?? '?'}) : ${advisories}`;
      }),
      'Mettez ces paquets à jour (npm audit fix, ou une version corrigée dans package.json) avant de fusionner.',
    ],
  };
}

function unreachable(reason: string): AuditVerdict {
  return {
    ok: true,
    lines: [
      `Avis : audit des dépendances impossible, le service d’audit du registre npm n’a pas répondu (${reason}).`,
      'Les dépendances n’ont PAS été vérifiées : lancez « npm audit --omit=dev » depuis une machine qui atteint ce service.',
    ],
  };
}

function main(): void {
  const run = spawnSync('npm', ['audit', '--omit=dev', '--audit-level=high', '--json'], {
    encoding: 'utf8',
    timeout: 120_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  const verdict = run.error ? unreachable(run.error.message) : auditVerdict(run.stdout);
  for (const line of verdict.lines) console.log(line);
  process.exitCode = verdict.ok ? 0 : 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();

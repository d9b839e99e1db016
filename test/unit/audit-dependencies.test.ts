import { describe, expect, it } from 'vitest';
import { auditVerdict } from '../../scripts/audit-dependencies.ts';

const report = (vulnerabilities: Record<string, unknown>, counts: Record<string, number>) =>
  JSON.stringify({ auditReportVersion: 2, vulnerabilities, metadata: { vulnerabilities: counts } });

describe('dependency audit verdict', () => {
  it('passes with no finding, or with low and moderate ones only', () => {
    expect(auditVerdict(report({}, { low: 0, total: 0 })).ok).toBe(true);
    const moderate = auditVerdict(
      report({ a: { name: 'a', severity: 'moderate' } }, { moderate: 1, total: 1 }),
    );
    expect(moderate.ok).toBe(true);
    expect(moderate.lines.join('\n')).toContain('1 moderate');
  });

  it('fails on a high or critical finding, naming the package and the advisory', () => {
    const verdict = auditVerdict(
      report(
        {
          b: {
            name: 'b',
            severity: 'critical',
            range: '<2.0.0',
            via: [{ title: 'Exécution de code', url: 'https://x' }],
          },
          c: { name: 'c', severity: 'high', via: ['b'] },
        },
        { high: 1, critical: 1, total: 2 },
      ),
    );
    expect(verdict.ok).toBe(false);
    expect(verdict.lines.join('\n')).toMatch(
      /b \(critical, versions <2\.0\.0\) : Exécution de code https:\/\/x/,
    );
    expect(verdict.lines.join('\n')).toContain('c (high');
  });

  it('goes on with a clear notice when the audit service does not answer', () => {
    for (const stdout of [
      JSON.stringify({ message: '405 Method Not Allowed - POST …/advisories/bulk', statusCode: 405 }),
      '',
      'npm ERR! network',
    ]) {
      const verdict = auditVerdict(stdout);
      expect(verdict.ok).toBe(true);
      expect(verdict.lines[0]).toMatch(/^Avis : audit des dépendances impossible/);
      expect(verdict.lines.join('\n')).toContain('PAS été vérifiées');
    }
  });
});

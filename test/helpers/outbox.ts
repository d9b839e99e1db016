import fs from 'node:fs';
import path from 'node:path';

/** Messages of an outbox directory, oldest first, with their text body decoded (quoted-printable). */
export function readOutbox(dir: string): { file: string; to: string; body: string }[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.eml'))
    .sort()
    .map((f) => {
      const raw = fs.readFileSync(path.join(dir, f), 'utf8');
      const split = raw.indexOf('\n\n');
      const head = raw.slice(0, split);
      const body = raw.slice(split + 2);
      const qp = /content-transfer-encoding: quoted-printable/i.test(head);
      const decoded = qp
        ? Buffer.from(
            body
              .replace(/=\r?\n/g, '')
              .replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16))),
            'latin1',
          ).toString('utf8')
        : body;
      return { file: f, to: /^To: (.*)$/m.exec(head)?.[1] ?? '', body: decoded };
    });
}

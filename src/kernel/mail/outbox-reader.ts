import fs from 'node:fs/promises';
import path from 'node:path';

/** A message of the outbox, as the interface lists it. */
export interface OutboxEntry {
  fichier: string;
  date: string;
  a: string;
  sujet: string;
}

export interface OutboxMessage extends OutboxEntry {
  texte: string;
}

/** Names the outbox writes (`outboxFileName`): anything else is refused before touching the disk. */
const FILE_NAME = /^[0-9TZ-]{20,40}-[0-9a-f]{8}\.eml$/;

export const isOutboxFileName = (name: string) => FILE_NAME.test(name);

/** RFC 2047 encoded words (`=?UTF-8?Q?…?=`, `=?UTF-8?B?…?=`) back to text. */
function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([QB])\?([^?]*)\?=/gi, (_, _charset: string, enc: string, data: string) =>
      enc.toUpperCase() === 'B'
        ? Buffer.from(data, 'base64').toString('utf8')
        : Buffer.from(
            data
              .replace(/_/g, ' ')
              .replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(Number.parseInt(h, 16))),
            'latin1',
          ).toString('utf8'),
    );
}

/** Headers (unfolded) and decoded text body of the single-part plain-text messages the platform writes. */
export function parseMessage(raw: string): { headers: Map<string, string>; text: string } {
  const split = raw.search(/\r?\n\r?\n/);
  const head = split < 0 ? raw : raw.slice(0, split);
  const body = split < 0 ? '' : raw.slice(split).replace(/^\r?\n\r?\n/, '');
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).toLowerCase(), decodeWords(line.slice(colon + 1).trim()));
  }
  const encoding = (headers.get('content-transfer-encoding') ?? '').toLowerCase();
  let text = body;
  if (encoding === 'quoted-printable') {
    text = Buffer.from(
      body
        .replace(/=\r?\n/g, '')
        .replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(Number.parseInt(h, 16))),
      'latin1',
    ).toString('utf8');
  } else if (encoding === 'base64') {
    text = Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  }
  return { headers, text: text.replace(/\r\n/g, '\n') };
}

/** Reads the outbox directory the platform writes to when no SMTP server is configured. */
export class OutboxReader {
  constructor(readonly dir: string) {}

  private async files(): Promise<string[]> {
    try {
      return (await fs.readdir(this.dir)).filter(isOutboxFileName).sort().reverse();
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw e;
    }
  }

  /** Newest first. */
  async list(page: number, perPage: number): Promise<{ total: number; resultats: OutboxEntry[] }> {
    const files = await this.files();
    const shown = files.slice((page - 1) * perPage, page * perPage);
    const resultats = await Promise.all(shown.map(async (f) => this.entry(f, await this.raw(f))));
    return { total: files.length, resultats };
  }

  /** Null when no such message (or a name the outbox never writes). */
  async read(fichier: string): Promise<OutboxMessage | null> {
    if (!isOutboxFileName(fichier)) return null;
    try {
      const raw = await this.raw(fichier);
      return { ...this.entry(fichier, raw), texte: parseMessage(raw).text };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
  }

  private raw(fichier: string): Promise<string> {
    return fs.readFile(path.join(this.dir, path.basename(fichier)), 'utf8');
  }

  private entry(fichier: string, raw: string): OutboxEntry {
    const { headers } = parseMessage(raw);
    const date = headers.get('date');
    return {
      fichier,
      date: date && !Number.isNaN(Date.parse(date)) ? new Date(date).toISOString() : '',
      a: headers.get('to') ?? '',
      sujet: headers.get('subject') ?? '',
    };
  }
}

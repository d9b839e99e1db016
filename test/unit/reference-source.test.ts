import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseSource, SourceFormatError } from '../../src/reference/source/parse-source.ts';
import { readSource } from '../../src/reference/source/read-source.ts';
import { tempSource } from '../helpers/reference-layers.ts';

const help = { command: 'reference import qpv', page: 'https://www.data.gouv.fr/' };

/** A ZIP archive with deflated entries, as data.gouv.fr serves them. */
function zip(entries: [string, string][]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of entries) {
    const data = zlib.deflateRawSync(Buffer.from(content));
    const nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(content.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(content.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

describe('parseSource', () => {
  it('recognises the format by content', () => {
    expect(parseSource(Buffer.from('[{"code":"QN00101M"}]')).format).toBe('liste JSON');
    expect(parseSource(Buffer.from('{"type":"FeatureCollection","features":[]}')).format).toBe('GeoJSON');
    expect(parseSource(Buffer.from('{"type":"Topology","objects":{},"arcs":[]}')).format).toBe('TopoJSON');
    expect(parseSource(Buffer.from('code_qp;nom_qp\nQP065003;Tarbes Est\n')).format).toBe('CSV');
  });

  it('reads Windows-1252 CSV; a record is on the line where it starts, the header being line 1', () => {
    const parsed = parseSource(Buffer.from('code;nom\nA;"Deux\nlignes"\nB;Séméac\n', 'latin1'));
    if (parsed.format !== 'CSV') throw new Error('CSV attendu');
    expect(parsed.rows.map((r) => [r.line, r.values.nom])).toEqual([
      [2, 'Deux\nlignes'],
      [4, 'Séméac'],
    ]);
  });

  it('unreadable files raise a French format error', () => {
    expect(() => parseSource(Buffer.from('{"type":'))).toThrow(SourceFormatError);
    expect(() => parseSource(Buffer.from('{"type":"Feature"}'))).toThrow(/format JSON non reconnu/);
    expect(() => parseSource(Buffer.from('  '))).toThrow(/fichier vide/);
  });
});

describe('readSource', () => {
  it('unwraps gzip and picks the data file of a ZIP archive', async () => {
    const json = '[{"code":"QN00101M"}]';
    const gz = await readSource(tempSource('qpv.json.gz', zlib.gzipSync(json)), help);
    expect(gz).toMatchObject({ name: 'qpv.json' });
    expect(gz.bytes.toString()).toBe(json);
    const zipped = tempSource(
      'qpv.zip',
      zip([
        ['LISEZMOI.txt', 'x'],
        ['GEOJSON/qp.geojson', json],
      ]),
    );
    const fromZip = await readSource(zipped, help);
    expect(fromZip.name).toBe('qp.geojson');
    expect(fromZip.bytes.toString()).toBe(json);
  });

  it('a missing file is a French input error', async () => {
    await expect(readSource('/nulle/part/qpv.json', help)).rejects.toMatchObject({
      kind: 'invalid',
      message: expect.stringMatching(/Fichier introuvable/),
    });
  });

  it('a failed download says what is missing and how to import it from a file', async () => {
    const error = await readSource('http://127.0.0.1:9/qpv.json', help).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'unavailable' });
    const message = (error as Error).message;
    expect(message).toMatch(/Téléchargement impossible : http:\/\/127\.0\.0\.1:9\/qpv\.json/);
    expect(message).toMatch(/npm run odts -- reference import qpv chemin\/vers\/le-fichier/);
    expect(message).toContain(help.page);
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';

/**
 * A real SMTP server on loopback, run as its own process by tests: it accepts every message and writes
 * it, raw, as a `.eml` file in the directory given as first argument, then prints its port.
 */
const dir = process.argv[2];
if (!dir) throw new Error('usage: smtp-sink-process <dir>');
fs.mkdirSync(dir, { recursive: true });
let n = 0;
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => {
      n += 1;
      const to = session.envelope.rcptTo.map((r) => r.address).join(',');
      const file = path.join(dir, `${String(n).padStart(6, '0')}.eml`);
      fs.writeFileSync(file, Buffer.concat(chunks));
      fs.writeFileSync(`${file}.rcpt`, to);
      callback();
    });
  },
});
server.listen(0, '127.0.0.1', () => {
  const address = server.server.address();
  process.stdout.write(`${typeof address === 'object' && address ? address.port : 0}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));

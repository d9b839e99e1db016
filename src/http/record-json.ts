import type { FastifyReply } from 'fastify';

/**
 * JSON text of presented records, kept per object. Presented records are themselves cached (one object
 * per id, version and reading date), so a territory profile listing 1,200 of them serializes only the
 * new ones: stringifying half a megabyte on every call was the largest part of a région's profile.
 */
const texts = new WeakMap<object, string>();

function textOf(record: object): string {
  let text = texts.get(record);
  if (text === undefined) {
    text = JSON.stringify(record);
    texts.set(record, text);
  }
  return text;
}

// PostgreSQL text cannot hold U+0000, so no stored value serializes to this token.
const SLOT = '\u0000records\u0000';
const SLOT_JSON = JSON.stringify(SLOT);

type WithRecords<K extends string> = { [P in K]: object[] } & Record<string, unknown>;

/**
 * `body` as JSON where `body[key]` is an array of presented records: the rest is stringified, the
 * records come from their kept text. Same text as `JSON.stringify(body)`.
 */
export function jsonWithRecords<K extends string>(body: WithRecords<K>, key: K): string {
  const outer = JSON.stringify({ ...body, [key]: SLOT });
  const at = outer.indexOf(SLOT_JSON);
  const records = `[${body[key].map(textOf).join(',')}]`;
  return `${outer.slice(0, at)}${records}${outer.slice(at + SLOT_JSON.length)}`;
}

/** Encoded bodies: a body answered again (a kept territory profile) is the same object. */
const encoded = new WeakMap<object, Buffer>();

export function sendWithRecords<K extends string>(reply: FastifyReply, body: WithRecords<K>, key: K) {
  let bytes = encoded.get(body);
  if (!bytes) {
    bytes = Buffer.from(jsonWithRecords(body, key));
    encoded.set(body, bytes);
  }
  return reply.type('application/json; charset=utf-8').send(bytes);
}

/**
 * The page of each named destination of a PDF printed by Chromium: every element id that a link of
 * the page points to (the contents' `#section` links) becomes a named destination of its page. Read
 * from the PDF's own structure — catalogue, page tree, `/Dests` dictionary — which Chromium (Skia)
 * writes as plain objects; anything unexpected yields an empty map, never an error.
 */
export function anchorPages(pdf: Uint8Array): Map<string, number> {
  const text = Buffer.from(pdf).toString('latin1');
  const objects = new Map<number, string>();
  for (const m of text.matchAll(/(?:^|[\r\n])(\d+) 0 obj\b([\s\S]*?)\bendobj/g)) {
    const body = m[2] as string;
    // Only the dictionary matters; a content stream is binary and can be long.
    const stream = body.indexOf('stream');
    objects.set(Number(m[1]), stream >= 0 ? body.slice(0, stream) : body);
  }
  const catalog = [...objects.values()].find((o) => /\/Type\s*\/Catalog\b/.test(o));
  const pagesRoot = catalog && /\/Pages\s+(\d+)\s+0\s+R/.exec(catalog)?.[1];
  const destsRef = catalog && /\/Dests\s+(\d+)\s+0\s+R/.exec(catalog)?.[1];
  const found = new Map<string, number>();
  if (!pagesRoot || !destsRef) return found;

  // Page objects in reading order: the page tree walked depth first.
  const order = new Map<number, number>();
  const walk = (ref: number, depth: number) => {
    const node = objects.get(ref);
    if (!node || depth > 32) return;
    if (/\/Type\s*\/Pages\b/.test(node)) {
      const kids = /\/Kids\s*\[([^\]]*)\]/.exec(node)?.[1] ?? '';
      for (const k of kids.matchAll(/(\d+)\s+0\s+R/g)) walk(Number(k[1]), depth + 1);
    } else if (/\/Type\s*\/Page\b/.test(node)) order.set(ref, order.size + 1);
  };
  walk(Number(pagesRoot), 0);

  const dests = objects.get(Number(destsRef)) ?? '';
  for (const m of dests.matchAll(/\/([^\s/[\]<>()]+)\s*\[\s*(\d+)\s+0\s+R/g)) {
    const name = (m[1] as string).replace(/#([0-9A-Fa-f]{2})/g, (_, h: string) =>
      String.fromCharCode(Number.parseInt(h, 16)),
    );
    const page = order.get(Number(m[2]));
    if (page) found.set(Buffer.from(name, 'latin1').toString('utf8'), page);
  }
  return found;
}

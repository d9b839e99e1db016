const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Escapes text for HTML (and SVG): safe both between tags and inside an attribute value, whichever quote
 * delimits it. Every text from the database is user input and goes through here on its way into a page.
 * No import, no I/O: pure code of src/domain may use it too.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

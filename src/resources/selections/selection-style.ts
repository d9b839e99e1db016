/**
 * Stylesheet of a sélection: the sober look of the reports (blue France headings, system sans-serif
 * standing in for Marianne), numbered references with a hanging number, commentaries set apart.
 * The print part lays out A4 pages for browsers and for Chromium's PDF output.
 */
export const SELECTION_CSS = `
:root { --bleu: #000091; --gris: #666666; --gris-fond: #f6f6f6; --texte: #161616; }
* { box-sizing: border-box; }
html { font-size: 10.5pt; }
body {
  margin: 0 auto; max-width: 210mm; padding: 12mm 14mm;
  font-family: Marianne, Arial, "Liberation Sans", "Helvetica Neue", Helvetica, "DejaVu Sans", sans-serif;
  color: var(--texte); line-height: 1.45; background: #fff;
}
h1, h2, h3, h4, h5 { color: var(--bleu); line-height: 1.2; break-after: avoid; }
h1 { font-size: 2.2rem; margin: 2rem 0 0.8rem; }
h2 { font-size: 1.5rem; margin: 2rem 0 0.8rem; padding-bottom: 0.3rem; border-bottom: 2px solid var(--bleu); }
h3 { font-size: 1.2rem; margin: 1.5rem 0 0.6rem; }
h4, h5 { font-size: 1.05rem; margin: 1.2rem 0 0.5rem; }
.brand { font-weight: 700; color: var(--bleu); border-left: 6px solid var(--bleu); padding-left: 0.6rem; }
.brand small { display: block; font-weight: 400; color: var(--gris); }
.meta { color: var(--gris); margin: 0.2rem 0; }
.toc ol { list-style: none; padding-left: 0; }
.toc li { margin: 0.15rem 0; }
.toc .niveau-2 { padding-left: 1.2rem; } .toc .niveau-3 { padding-left: 2.4rem; } .toc .niveau-4 { padding-left: 3.6rem; }
.toc a { color: var(--texte); text-decoration: none; }
.presentation { font-style: italic; }
ol.references { list-style: none; padding-left: 0; margin: 0.6rem 0 1rem; }
ol.references > li { display: grid; grid-template-columns: 3.2rem 1fr; margin: 0 0 0.7rem; break-inside: avoid; }
.numero { font-weight: 700; color: var(--bleu); }
.reference a { color: var(--bleu); overflow-wrap: anywhere; }
.commentaire { grid-column: 2; margin: 0.3rem 0 0; padding: 0.3rem 0.6rem; background: var(--gris-fond);
  border-left: 3px solid var(--bleu); font-size: 0.95rem; }
.commentaire p { margin: 0.2rem 0; }
.repetition { color: var(--gris); font-size: 0.9rem; }
a.citation { color: var(--bleu); text-decoration: none; font-weight: 700; }
dl.glossaire dt { font-weight: 700; margin-top: 0.5rem; }
dl.glossaire dd { margin-left: 1.2rem; }
footer.colophon { margin-top: 2rem; color: var(--gris); font-size: 0.85rem; border-top: 1px solid #ccc; padding-top: 0.4rem; }
@media print {
  @page { size: A4; margin: 16mm 15mm 18mm; }
  html { font-size: 10pt; }
  body { padding: 0; max-width: none; }
  header.title-page { break-after: page; }
  a { color: inherit; text-decoration: none; }
}
`;

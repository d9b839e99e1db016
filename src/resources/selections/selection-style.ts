/**
 * What only a sélection shows, on top of the house stylesheet (kernel/documents): contents indented by
 * level, numbered references with a hanging number, commentaries set apart, the glossary annex.
 */
export const SELECTION_CSS = `
.toc ol { list-style: none; padding-left: 0; }
.toc li { margin: 0.15rem 0; }
.toc .niveau-2 { padding-left: 1.2rem; } .toc .niveau-3 { padding-left: 2.4rem; } .toc .niveau-4 { padding-left: 3.6rem; }
.presentation { font-style: italic; }
ol.references { list-style: none; padding-left: 0; margin: 0.6rem 0 1rem; }
ol.references > li { display: grid; grid-template-columns: 3.2rem 1fr; margin: 0 0 0.7rem; break-inside: avoid; }
.numero { font-weight: 700; color: var(--accent); }
.reference a { color: var(--accent); overflow-wrap: anywhere; }
.commentaire {
  grid-column: 2; margin: 0.3rem 0 0; padding: 0.3rem 0.6rem; background: var(--surface);
  border-left: 3px solid var(--accent); font-size: var(--size-small);
}
.commentaire p { margin: 0.2rem 0; font-style: italic; }
.repetition { color: var(--muted); font-size: var(--size-small); }
a.citation { color: var(--accent); text-decoration: none; font-weight: 700; }
dl.glossaire dt { font-weight: 700; margin-top: 0.5rem; }
dl.glossaire dd { margin-left: 1.2rem; }
`;

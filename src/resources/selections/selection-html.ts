import {
  citationLabel,
  type DocumentSection,
  formatPartialDate,
  type NumberedEntry,
  type Paragraph,
  type SelectionDocument,
  sectionHeading,
} from '../../domain/resources/selection-document.ts';
import { escapeHtml as e } from '../../domain/text/escape-html.ts';
import { brandHtml, houseCss, pageSlot } from '../../kernel/documents/house-css.ts';
import { type DocumentIdentity, NEUTRAL_IDENTITY } from '../../kernel/documents/house-style.ts';
import type { FormattedReference } from '../formats/documentalist-style.ts';
import { SELECTION_CSS } from './selection-style.ts';

export type References = Map<string, FormattedReference>;

/** Addresses in the formatted references become links (the trailing full stop stays outside). */
const URL_IN_HTML = /https?:\/\/[^\s<]+?(?=[.,;)]?(?:\s|$|<))/g;

export function linkify(html: string): string {
  return html.replace(URL_IN_HTML, (url) => `<a href="${url}">${url}</a>`);
}

/** A paragraph's text escaped, its citations linked to the numbered references. */
export function paragraphHtml(p: Paragraph): string {
  return p
    .map((part) =>
      'text' in part
        ? e(part.text)
        : `<a class="citation" href="#ref-${part.cite[0]}">${e(citationLabel(part.cite))}</a>`,
    )
    .join('');
}

const paragraphsHtml = (list: Paragraph[], cls = '') =>
  list.map((p) => `<p${cls ? ` class="${cls}"` : ''}>${paragraphHtml(p)}</p>`).join('\n');

function entryHtml(entry: NumberedEntry, refs: References): string {
  const ref = refs.get(entry.noticeId);
  // The first appearance carries the anchor that citations point to.
  const id = entry.repetition ? '' : ` id="ref-${entry.numero}"`;
  const again = entry.repetition
    ? ` <span class="repetition">(déjà citée sous le n° ${entry.numero})</span>`
    : '';
  const commentary =
    entry.commentaire.length > 0 ? `<div class="commentaire">${paragraphsHtml(entry.commentaire)}</div>` : '';
  return `<li${id}><span class="numero">(${entry.numero})</span><span class="reference">${linkify(ref?.html ?? e(entry.notice.titre))}${again}</span>${commentary}</li>`;
}

function sectionHtml(s: DocumentSection, refs: References): string {
  const level = Math.min(s.niveau + 1, 5);
  const title = sectionHeading(s);
  const list =
    s.entries.length > 0
      ? `<ol class="references${s.sitographie ? ' sitographie' : ''}">\n${s.entries.map((x) => entryHtml(x, refs)).join('\n')}\n</ol>`
      : '';
  return `<section id="${e(s.id)}"><h${level}>${e(title)}</h${level}>
${paragraphsHtml(s.presentation, 'presentation')}
${list}
${s.sections.map((c) => sectionHtml(c, refs)).join('\n')}
</section>`;
}

/** The footer of every page of the PDF and of the Word document. */
export function selectionFooterText(doc: SelectionDocument): string {
  return `${doc.titre}${doc.date ? ` — ${formatPartialDate(doc.date)}` : ''}`;
}

/** A self-contained public page (no script, no external resource) that prints as the PDF. */
/**
 * `paginated`: for the PDF, each contents line has a slot the renderer fills with the page of its
 * section (`PAGE_SLOT_ATTRIBUTE`); none on the web page.
 */
export function renderSelectionHtml(
  doc: SelectionDocument,
  refs: References,
  identity: DocumentIdentity = NEUTRAL_IDENTITY,
  paginated = false,
  /** The platform, credited in the colophon when the publisher is an author organisation. */
  platform: DocumentIdentity = identity,
): string {
  const page = (id: string) => (paginated ? pageSlot(id) : '');
  const line = (id: string, niveau: number, libelle: string) =>
    `<li class="niveau-${niveau}"><a href="#${e(id)}"><span class="libelle">${e(libelle)}</span>${page(id)}</a></li>`;
  const toc = doc.sommaire.map((l) => line(l.id, l.niveau, l.libelle)).join('');
  const intro =
    doc.introduction.length > 0
      ? `<section id="introduction"><h2>Introduction</h2>\n${paragraphsHtml(doc.introduction)}</section>`
      : '';
  const glossary =
    doc.glossaire.length > 0
      ? `<section id="glossaire"><h2>Annexe : glossaire</h2><dl class="glossaire">${doc.glossaire
          .map(
            (g) =>
              `<dt>${e(g.sigle)}</dt><dd>${e(g.forme)}${g.definition ? ` — ${e(g.definition)}` : ''}</dd>`,
          )
          .join('')}</dl></section>`
      : '';
  return `<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Observatoire DTS">
<title>${e(doc.titre)}</title>
<style>${houseCss()}${SELECTION_CSS}</style>
</head>
<body>
<header class="title-page">
${brandHtml(identity, 'Centre de ressources — sélection bibliographique')}
<h1>${e(doc.titre)}</h1>
${doc.auteurs ? `<p class="meta auteurs">${e(doc.auteurs)}</p>` : ''}
${doc.date ? `<p class="meta date">${e(formatPartialDate(doc.date))}</p>` : ''}
<p class="meta">${doc.references.length} référence${doc.references.length > 1 ? 's' : ''}</p>
<nav class="toc${paginated ? ' paginee' : ''}" aria-label="Sommaire"><h2>Sommaire</h2><ol>${intro ? line('introduction', 1, 'Introduction') : ''}${toc}</ol></nav>
</header>
<main>
${intro}
${doc.sections.map((s) => sectionHtml(s, refs)).join('\n')}
${glossary}
</main>
<footer class="colophon">Sélection bibliographique — ${e(identity.name)}${platform.name !== identity.name ? `, publiée avec ${e(platform.name)}` : ''} — références au style documentaire du projet.</footer>
</body>
</html>
`;
}

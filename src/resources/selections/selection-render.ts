import { slug } from '../../domain/reports/french.ts';
import { REPORT_CONTENT_TYPES } from '../../domain/reports/schemas.ts';
import { noticeToCsl } from '../../domain/resources/csl-mapping.ts';
import type { SelectionDocument } from '../../domain/resources/selection-document.ts';
import type { SelectionExportFormat } from '../../domain/resources/selection-schemas.ts';
import { type DocumentIdentity, NEUTRAL_IDENTITY } from '../../kernel/documents/house-style.ts';
import type { PdfRenderer } from '../../kernel/documents/pdf-renderer.ts';
import { formatNotices } from '../exports/notice-export.service.ts';
import { type FormattedReference, formatReferences } from '../formats/documentalist-style.ts';
import { renderSelectionDocx } from './selection-docx.ts';
import { renderSelectionHtml, selectionFooterText } from './selection-html.ts';
import { selectionIdentity } from './selection-identity.ts';

/** Each notice of the document formatted in the project's documentalist style. */
const referencesOf = (doc: SelectionDocument) =>
  formatReferences(doc.references.map((r) => noticeToCsl(r.noticeId, r.notice)));

export interface RenderedSelection {
  format: SelectionExportFormat;
  contentType: string;
  filename: string;
  body: Buffer;
}

/** A sélection document in each format: HTML, PDF (the application's Chromium printer), DOCX, RIS, BibTeX, CSL-JSON. */
export class SelectionRenderer {
  constructor(
    private readonly pdf: PdfRenderer,
    private readonly identity: DocumentIdentity = NEUTRAL_IDENTITY,
  ) {}

  preparePdf(): void {
    this.pdf.prepare();
  }

  /** The public HTML page and the formatted references it shows. */
  page(doc: SelectionDocument): { html: string; refs: Map<string, FormattedReference> } {
    const refs = referencesOf(doc);
    return { html: renderSelectionHtml(doc, refs, this.publisher(doc), false, this.identity), refs };
  }

  /** The author organisation and its logo, or the operator (selection-identity.ts). */
  private publisher(doc: SelectionDocument): DocumentIdentity {
    return selectionIdentity(doc, this.identity);
  }

  async render(doc: SelectionDocument, format: SelectionExportFormat): Promise<RenderedSelection> {
    const name = `selection-${slug(doc.titre).slice(0, 80).replace(/-$/, '')}`;
    if (format === 'ris' || format === 'bibtex' || format === 'csl-json') {
      const file = formatNotices(
        format,
        doc.references.map((r) => ({ id: r.noticeId, notice: r.notice })),
        name,
      );
      return {
        format,
        contentType: file.contentType,
        filename: file.filename,
        body: Buffer.from(file.body, 'utf8'),
      };
    }
    const filename = `${name}.${format}`;
    const contentType = REPORT_CONTENT_TYPES[format];
    if (format === 'docx')
      return {
        format,
        contentType,
        filename,
        body: await renderSelectionDocx(doc, referencesOf(doc), this.publisher(doc)),
      };
    if (format === 'html') {
      const { html } = this.page(doc);
      return { format, contentType, filename, body: Buffer.from(html, 'utf8') };
    }
    return { format, contentType, filename, body: await this.numberedPdf(doc) };
  }

  /** The PDF, with the page of each section in its contents (filled in by the renderer). */
  private numberedPdf(doc: SelectionDocument): Promise<Buffer> {
    const html = renderSelectionHtml(doc, referencesOf(doc), this.publisher(doc), true, this.identity);
    return this.pdf.render(html, selectionFooterText(doc));
  }

  close(): Promise<void> {
    return this.pdf.close();
  }
}

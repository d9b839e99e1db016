import fs from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
import { unavailable } from '../../domain/errors.ts';
import { escapeHtml } from '../../domain/text/escape-html.ts';
import { PAGE_SLOT_ATTRIBUTE } from './house-css.ts';
import { HOUSE_STYLE, type HouseStyle } from './house-style.ts';
import { anchorPages } from './pdf-anchor-pages.ts';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-gpu',
];
/** Each print holds a page of ~100 MB: a burst of requests queues instead of exhausting memory. */
const MAX_CONCURRENT = 2;
/** Starting Chromium costs ~0.7 s: it stays up between prints, and goes after a minute without any. */
const IDLE_CLOSE_MS = 60_000;

export function chromiumMissingMessage(path: string): string {
  return (
    `La génération PDF nécessite Chromium, introuvable à « ${path} ». ` +
    'Installez-le (Debian/Ubuntu : apt-get install chromium) ou indiquez son chemin dans ODTS_CHROMIUM_PATH. ' +
    'Les formats html et docx restent disponibles.'
  );
}

/**
 * Prints self-contained HTML to PDF with headless Chromium (one instance for the whole application);
 * the house footer carries a text and the page numbers.
 */
export class PdfRenderer {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private browser: Promise<Browser> | null = null;
  private idle: NodeJS.Timeout | null = null;

  constructor(
    private readonly chromiumPath: string,
    private readonly style: HouseStyle = HOUSE_STYLE,
  ) {}

  /** Fails fast (503) before any heavy work when Chromium is not installed. */
  assertAvailable(): void {
    if (!fs.existsSync(this.chromiumPath)) throw unavailable(chromiumMissingMessage(this.chromiumPath));
  }

  /** Starts Chromium while the caller prepares the document; a launch failure surfaces at render. */
  prepare(): void {
    this.assertAvailable();
    this.launched().catch(() => undefined);
    this.scheduleIdleClose();
  }

  /**
   * The PDF of `html`. Its contents slots (`PAGE_SLOT_ATTRIBUTE`), if any, are filled with the page of
   * their section: printed once, the pages of the sections read from that print, the slots filled in
   * the page already laid out, printed again (same breaks: the slots keep their width).
   */
  async render(html: string, footerText: string): Promise<Buffer> {
    this.assertAvailable();
    await this.acquire();
    try {
      return await this.print(await this.launched(), html, footerText);
    } finally {
      this.release();
    }
  }

  /** Stops Chromium if it is running (the context closes it on shutdown). */
  async close(): Promise<void> {
    if (this.idle) clearTimeout(this.idle);
    this.idle = null;
    const browser = this.browser;
    this.browser = null;
    if (browser) await browser.then((b) => b.close()).catch(() => undefined);
  }

  private launched(): Promise<Browser> {
    if (this.idle) clearTimeout(this.idle);
    this.idle = null;
    if (this.browser) return this.browser;
    const launching = chromium
      .launch({ executablePath: this.chromiumPath, args: CHROMIUM_ARGS })
      .then((b) => {
        // A crashed or killed Chromium is started again on the next print.
        b.on('disconnected', () => {
          if (this.browser === launching) this.browser = null;
        });
        return b;
      })
      .catch((error: Error) => {
        if (this.browser === launching) this.browser = null;
        throw unavailable(
          `${chromiumMissingMessage(this.chromiumPath)} (lancement impossible : ${error.message.split('\n')[0]})`,
        );
      });
    this.browser = launching;
    return launching;
  }

  private async print(browser: Browser, html: string, footerText: string): Promise<Buffer> {
    // A fresh context per document; it is self-contained, so no script runs and no request goes out.
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    try {
      const page = await context.newPage();
      await page.route('**/*', (route) => route.abort());
      await page.setContent(html, { waitUntil: 'load' });
      const options = {
        format: 'A4',
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate: footerTemplate(footerText, this.style),
        margin: pageMargin(this.style),
        tagged: true,
        outline: true,
      };
      if (!html.includes(PAGE_SLOT_ATTRIBUTE)) return Buffer.from(await page.pdf(options));
      // The first print only tells where the sections fall: untagged, it takes half the time (the
      // structure tree of a long table weighs more than its text) and breaks the pages the same way.
      const first = await page.pdf({ ...options, tagged: false, outline: false });
      const pages = Object.fromEntries(anchorPages(first));
      if (Object.keys(pages).length === 0) return Buffer.from(await page.pdf(options));
      // Run by the driver, not by the document: the page itself has scripts disabled.
      await page.evaluate(
        ({ attribute, pages }) => {
          // The server is compiled without the DOM types: the little used here, typed by hand.
          type Slot = { getAttribute(name: string): string | null; removeAttribute(name: string): void };
          const doc = (
            globalThis as unknown as {
              document: { querySelectorAll(s: string): Iterable<Slot & { textContent: string }> };
            }
          ).document;
          for (const slot of doc.querySelectorAll(`[${attribute}]`)) {
            const page = pages[slot.getAttribute(attribute) ?? ''];
            if (page === undefined) continue;
            slot.textContent = String(page);
            slot.removeAttribute('aria-hidden');
          }
        },
        { attribute: PAGE_SLOT_ATTRIBUTE, pages },
      );
      return Buffer.from(await page.pdf(options));
    } finally {
      await context.close();
    }
  }

  private acquire(): Promise<void> {
    if (this.running < MAX_CONCURRENT) {
      this.running += 1;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release() {
    const next = this.waiting.shift();
    if (next) {
      next();
      return;
    }
    this.running -= 1;
    this.scheduleIdleClose();
  }

  private scheduleIdleClose() {
    if (this.running > 0 || !this.browser) return;
    if (this.idle) clearTimeout(this.idle);
    this.idle = setTimeout(() => void this.close(), IDLE_CLOSE_MS);
    this.idle.unref();
  }
}

const pageMargin = ({ page: { margin: m } }: HouseStyle) => ({
  top: `${m.top}mm`,
  right: `${m.right}mm`,
  bottom: `${m.bottom}mm`,
  left: `${m.left}mm`,
});

/** Chromium's footer knows no page stylesheet: the house font, size and colour are written inline. */
function footerTemplate(text: string, style: HouseStyle): string {
  const css =
    `font-family: ${style.font.css}; font-size: ${style.size.note}pt; ` +
    `color: #${style.colour.muted}; width: 100%; margin: 0 ${style.page.margin.right}mm 0 ${style.page.margin.left}mm; ` +
    'display: flex; justify-content: space-between;';
  return `<div style="${escapeHtml(css)}"><span>${escapeHtml(text)}</span><span>Page <span class="pageNumber"></span> / <span class="totalPages"></span></span></div>`;
}

/** The figures behind a chart or a table, as the analyses API serves them (CSV and XLSX). */
export function DataDownloads({ url, what }: { url: string; what: string }) {
  const sep = url.includes('?') ? '&' : '?';
  return (
    <ul className="fr-btns-group fr-btns-group--inline-sm fr-btns-group--icon-left fr-mt-2w">
      {(['csv', 'xlsx'] as const).map((format) => (
        <li key={format}>
          <a
            className="fr-btn fr-btn--secondary fr-btn--sm fr-icon-download-line"
            href={`${url}${sep}format=${format}`}
            download
          >
            Télécharger les données ({format.toUpperCase()})<span className="fr-sr-only"> : {what}</span>
          </a>
        </li>
      ))}
    </ul>
  );
}

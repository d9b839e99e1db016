import { ButtonGroup, ButtonLink } from '../../ui/index.ts';
/** The figures behind a chart or a table, as the analyses API serves them (CSV and XLSX). */
export function DataDownloads({ url, what }: { url: string; what: string }) {
  const sep = url.includes('?') ? '&' : '?';
  return (
    <ButtonGroup className="u-mt-2">
      {(['csv', 'xlsx'] as const).map((format) => (
        <li key={format}>
          <ButtonLink
            priority="secondary"
            size="small"
            iconId="download-line"
            href={`${url}${sep}format=${format}`}
            download
          >
            Télécharger les données ({format.toUpperCase()})<span className="u-sr-only"> : {what}</span>
          </ButtonLink>
        </li>
      ))}
    </ButtonGroup>
  );
}

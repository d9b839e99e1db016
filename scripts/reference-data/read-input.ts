import { createHash } from 'node:crypto';
import { IssueList } from '../../src/reference/import-report.ts';
import { type ParsedSource, parseSource } from '../../src/reference/source/parse-source.ts';
import { type LoadedSource, readSource, type SourceHelp } from '../../src/reference/source/read-source.ts';

export interface Input extends LoadedSource {
  parsed: ParsedSource;
}

/** An input as the manifest names it: given path or URL, file name, checksum of its (unwrapped) content. */
export interface InputRecord {
  source: string;
  name: string;
  sha256: string;
}

/** Reads an input of the build (path or URL, gzip or ZIP unwrapped) and recognises its format. */
export async function readInput(source: string, help: SourceHelp, seen: InputRecord[]): Promise<Input> {
  const loaded = await readSource(source, help);
  seen.push({ source, name: loaded.name, sha256: createHash('sha256').update(loaded.bytes).digest('hex') });
  return { ...loaded, parsed: parseSource(loaded.bytes) };
}

/** Stops the build on the first problems a mapping found: the files we ship must be clean. */
export function assertNoIssues(issues: IssueList, what: string): void {
  if (issues.length === 0) return;
  const lines = issues
    .sorted()
    .slice(0, 10)
    .map((i) => `  ${i.ligne} · ${i.champ} : ${i.message}`);
  throw new Error(`${what} : ${issues.length} problème(s)\n${lines.join('\n')}`);
}

export { IssueList };

import type { Perimeters } from './perimeter.repository.ts';

export interface ReferenceCodes {
  communes: {
    code: string;
    current: boolean;
    actuelle: boolean;
    epci: string | null;
    departement: string | null;
  }[];
  epci: string[];
  departements: string[];
  /** QPV → communes; null when the QPV layer is not loaded. */
  qpv: Map<string, string[]> | null;
}

function groupCodes(entries: [string | null, string][]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const [key, code] of entries) {
    if (!key) continue;
    const list = map.get(key);
    if (list) list.push(code);
    else map.set(key, [code]);
  }
  return map;
}

/**
 * The perimeter checks of `PerimeterRepository` answered from the reference read once: an import of
 * thousands of rows asks them seven times per row, each a round trip to the database otherwise.
 */
export class InMemoryPerimeters implements Perimeters {
  private readonly current: Set<string>;
  private readonly epci: Set<string>;
  private readonly departements: Set<string>;
  private readonly byEpci: Map<string, string[]>;
  private readonly byDepartement: Map<string, string[]>;

  constructor(private readonly ref: ReferenceCodes) {
    this.current = new Set(ref.communes.filter((c) => c.current).map((c) => c.code));
    this.epci = new Set(ref.epci);
    this.departements = new Set(ref.departements);
    const actuelles = ref.communes.filter((c) => c.actuelle);
    this.byEpci = groupCodes(actuelles.map((c) => [c.epci, c.code]));
    this.byDepartement = groupCodes(actuelles.map((c) => [c.departement, c.code]));
  }

  async knownCommunes(codes: string[]): Promise<Set<string>> {
    return new Set(codes.filter((c) => this.current.has(c)));
  }

  async knownEpci(codes: string[]): Promise<Set<string>> {
    return new Set(codes.filter((c) => this.epci.has(c)));
  }

  async knownDepartements(codes: string[]): Promise<Set<string>> {
    return new Set(codes.filter((c) => this.departements.has(c)));
  }

  async qpvCommunes(codes: string[]): Promise<Map<string, string[]>> {
    const map = new Map<string, string[]>();
    for (const code of codes) {
      const communes = this.ref.qpv?.get(code);
      if (communes) map.set(code, [...communes]);
    }
    return map;
  }

  async communesOfEpci(codes: string[]): Promise<string[]> {
    return [...new Set(codes)].flatMap((c) => this.byEpci.get(c) ?? []);
  }

  async communesOfDepartements(codes: string[]): Promise<string[]> {
    return [...new Set(codes)].flatMap((c) => this.byDepartement.get(c) ?? []);
  }
}

/** Where a commune lies, for territory filters and counts above the commune. */
export interface CommunePlace {
  epci: string | null;
  departement: string | null;
  region: string | null;
}

/** EPCI, départements and régions a set of communes lies in, each code once. */
export interface DynamicPlaces {
  epci: string[];
  departement: string[];
  region: string[];
}

export function placesOf(
  communes: readonly string[],
  place: (commune: string) => CommunePlace | undefined,
): DynamicPlaces {
  const epci = new Set<string>();
  const departement = new Set<string>();
  const region = new Set<string>();
  for (const code of communes) {
    const p = place(code);
    if (p?.epci) epci.add(p.epci);
    if (p?.departement) departement.add(p.departement);
    if (p?.region) region.add(p.region);
  }
  return { epci: [...epci], departement: [...departement], region: [...region] };
}

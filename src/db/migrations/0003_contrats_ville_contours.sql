-- Contrats de ville and administrative contours, imported from files or URLs.

-- One row per territory of a contract: a contract usually covers one EPCI (or an établissement public
-- territorial of the Grand Paris, or a commune overseas), sometimes several communes.
create table contrat_ville (
  code text not null,
  nom text not null,
  territoire_type text not null check (territoire_type in ('epci', 'ept', 'commune')),
  territoire_code text not null,
  departement text,
  population integer,
  vintage text not null,
  primary key (code, territoire_type, territoire_code)
);
create index contrat_ville_departement_idx on contrat_ville (departement);

-- Member communes of each contract, resolved at import from the administrative reference.
create table contrat_ville_commune (
  contrat text not null,
  commune text not null,
  primary key (contrat, commune)
);
create index contrat_ville_commune_commune_idx on contrat_ville_commune (commune);

-- One GeoJSON geometry per territory and level, with the départements and régions it lies in so that a
-- map of one département is one indexed query.
create table contour (
  niveau text not null check (niveau in ('region', 'departement', 'epci', 'commune')),
  code text not null,
  nom text not null,
  departements text[] not null default '{}',
  regions text[] not null default '{}',
  geometrie text not null,
  primary key (niveau, code)
);
create index contour_departements_idx on contour using gin (departements);
create index contour_regions_idx on contour using gin (regions);

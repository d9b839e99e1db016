-- Quartiers prioritaires de la politique de la ville (QPV), imported from files or URLs.
-- Several generations coexist (2015, 2024): an import replaces the generations its file contains.
create table qpv (
  code text primary key,
  nom text not null,
  departement text not null,
  population integer,
  generation text not null,
  -- Vintage of the import that wrote the row (same text as reference_layer.vintage).
  vintage text not null,
  -- GeoJSON geometry of the perimeter, when the source has one (maps only, never computed in SQL).
  contour text
);
create index qpv_departement_idx on qpv (departement);
create index qpv_generation_idx on qpv (generation);

-- Communes a QPV lies in; Paris, Lyon and Marseille QPV point to the whole city code.
create table qpv_commune (
  qpv text not null references qpv (code) on delete cascade,
  commune text not null,
  primary key (qpv, commune)
);
create index qpv_commune_commune_idx on qpv_commune (commune);

-- French administrative reference (COG via @etalab/decoupage-administratif) and loaded layers.
create extension if not exists unaccent;
create extension if not exists pg_trgm;

-- One row per reference layer loaded, so that a second start skips a layer of the same vintage.
create table reference_layer (
  layer text primary key,
  vintage text not null,
  source text not null,
  row_count integer not null,
  loaded_at timestamptz not null default now()
);

create table region (
  code text primary key,
  nom text not null,
  chef_lieu text,
  zone text,
  population bigint
);

create table departement (
  code text primary key,
  nom text not null,
  region text not null,
  chef_lieu text,
  zone text,
  population bigint
);
create index departement_region_idx on departement (region);

create table epci (
  code text primary key,
  nom text not null,
  nature text not null,
  population bigint
);

-- Communes déléguées share their code with the commune actuelle they belong to: the key is (nature, code).
create table commune (
  code text not null,
  nature text not null check (
    nature in ('commune_actuelle', 'commune_deleguee', 'commune_associee', 'arrondissement_municipal')
  ),
  nom text not null,
  population integer,
  departement text,
  region text,
  epci text,
  commune_parent text,
  anciens_codes text[] not null default '{}',
  codes_postaux text[] not null default '{}',
  primary key (nature, code)
);
create index commune_code_idx on commune (code);
create index commune_departement_idx on commune (departement);
create index commune_epci_idx on commune (epci);
create index commune_parent_idx on commune (commune_parent);

-- Registry of territorial health dynamics.
-- The record as entered is kept whole in `document`; the tables beside it are derived from it on every
-- write so that lists filter in SQL: covered communes and valid-time status periods.
create table dynamique (
  id text primary key,
  type text not null,
  nom text not null,
  nom_recherche text not null,
  document jsonb not null,
  version integer not null default 1,
  date_fin date,
  verifie_le date,
  verifie_par text,
  cree_le timestamptz not null default now(),
  modifie_le timestamptz not null default now()
);
create index dynamique_type_idx on dynamique (type);
create index dynamique_nom_trgm_idx on dynamique using gin (nom_recherche gin_trgm_ops);

-- Every commune covered, expanded from communes, EPCI, départements and QPV as entered.
create table dynamique_commune (
  dynamique text not null references dynamique (id) on delete cascade,
  commune text not null,
  primary key (dynamique, commune)
);
create index dynamique_commune_commune_idx on dynamique_commune (commune);

-- Status periods [debut, fin) derived from dated events: answers "as it was on that day".
create table dynamique_periode (
  dynamique text not null references dynamique (id) on delete cascade,
  statut text not null,
  debut date not null,
  fin date
);
create index dynamique_periode_idx on dynamique_periode (dynamique, debut);

-- Change sets: an import (or any multi-record operation) is one lot that can be reverted.
create table lot (
  id text primary key,
  auteur text not null,
  date timestamptz not null default now(),
  description text not null,
  nombre integer not null default 0,
  annule_le timestamptz,
  annule_par text
);

-- Every change: who, when, before, after.
create table historique (
  id bigserial primary key,
  entite text not null,
  entite_id text not null,
  lot text references lot (id),
  action text not null,
  auteur text not null,
  date timestamptz not null default now(),
  avant jsonb,
  apres jsonb
);
create index historique_entite_idx on historique (entite, entite_id, id);
create index historique_lot_idx on historique (lot);

-- Figures published by a source where it gives totals only (no individual records).
create table declared_count (
  id serial primary key,
  region text,
  departement text,
  type text not null,
  nombre integer not null,
  date date not null,
  source text not null,
  note text not null default ''
);

-- Bibliographic base of the resource centre.
-- The notice as entered is kept whole in `document`; the columns beside it are derived from it on every
-- write so that search, filters, facets and duplicate detection run in SQL.
create table notice (
  id text primary key,
  type text not null,
  sous_type text,
  titre text not null,
  -- Publication date as entered (AAAA, AAAA-MM or AAAA-MM-JJ): sorts correctly as text.
  date_publication text,
  annee smallint,
  langue text,
  dispositifs text[] not null default '{}',
  themes text[] not null default '{}',
  publics text[] not null default '{}',
  -- Duplicate keys: DOI and URL normalised, title folded (accents, case, punctuation).
  doi text,
  url_cle text,
  titre_cle text not null,
  document jsonb not null,
  -- French full text, weighted: title A, authors and keywords B, abstract C, container and publisher D.
  -- Written by the application in the same statement as the row: `unaccent` is not immutable, so a
  -- generated column is refused by PostgreSQL.
  recherche tsvector not null,
  version integer not null default 1,
  -- Value of notice_generation.valeur when the row was last written (see below).
  generation bigint not null default 0,
  cree_le timestamptz not null default now(),
  modifie_le timestamptz not null default now()
);
create index notice_recherche_idx on notice using gin (recherche);
create index notice_titre_trgm_idx on notice using gin (titre_cle gin_trgm_ops);
create index notice_type_idx on notice (type);
create index notice_annee_idx on notice (annee);
create index notice_date_idx on notice (date_publication desc nulls last, id);
create index notice_dispositifs_idx on notice using gin (dispositifs);
create index notice_themes_idx on notice using gin (themes);
create index notice_publics_idx on notice using gin (publics);
create index notice_doi_idx on notice (doi) where doi is not null;
create index notice_url_idx on notice (url_cle) where url_cle is not null;
create index notice_titre_annee_idx on notice (titre_cle, annee);
create index notice_generation_idx on notice (generation);

-- Search runs on an in-memory index in each application server. This counter tells a server what
-- changed since it last looked: every write bumps it in its own transaction (the row lock orders the
-- writers), stamps the rows it writes and logs the ids it deletes.
create table notice_generation (
  singleton boolean primary key default true check (singleton),
  valeur bigint not null
);
insert into notice_generation (singleton, valeur) values (true, 0);
create table notice_suppression (
  id text not null,
  generation bigint not null
);
create index notice_suppression_generation_idx on notice_suppression (generation);

-- Links to dynamics: "the resources about this CLS". A deleted dynamic drops its links.
create table notice_dynamique (
  notice text not null references notice (id) on delete cascade,
  dynamique text not null references dynamique (id) on delete cascade,
  primary key (notice, dynamique)
);
create index notice_dynamique_dynamique_idx on notice_dynamique (dynamique);

-- Links to territories (any level, by code): "the resources about this département".
create table notice_territoire (
  notice text not null references notice (id) on delete cascade,
  type text not null,
  code text not null,
  primary key (notice, type, code)
);
create index notice_territoire_code_idx on notice_territoire (type, code);

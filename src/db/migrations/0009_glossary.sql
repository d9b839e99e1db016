-- Glossary of the field: acronyms and terms with a definition written by the resource centre.
-- `cle` names the entry in addresses and anchors (/glossaire#CLS): the acronym when there is one,
-- else a slug of the term ("democratie-sanitaire"). It never changes once the entry exists.
create table glossaire (
  cle text primary key,
  sigle text,
  forme text not null,
  -- The entry as entered (sigle, forme, definition, related terms, sources).
  document jsonb not null,
  version integer not null default 1,
  cree_le timestamptz not null default now(),
  modifie_le timestamptz not null default now()
);
-- "CdS" and "CDS" are the same acronym: one entry only.
create unique index glossaire_cle_idx on glossaire (lower(cle));

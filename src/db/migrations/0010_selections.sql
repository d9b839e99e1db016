-- Sélections bibliographiques of the resource centre.
-- The sélection as entered (title, authors, introduction, section tree with notice ids and commentaries,
-- glossary annex) is kept whole in `document`; notices are referenced by id and checked on every write.
-- A notice deleted later simply drops out of the rendered documents.
create table selection (
  id text primary key,
  titre text not null,
  -- Title folded (accents, case, punctuation): seeds skip a sélection whose title is already there.
  titre_cle text not null,
  date_selection text,
  document jsonb not null,
  nombre_notices integer not null default 0,
  version integer not null default 1,
  cree_le timestamptz not null default now(),
  modifie_le timestamptz not null default now()
);
create index selection_titre_cle_idx on selection (titre_cle);
create index selection_modifie_idx on selection (modifie_le desc, id);

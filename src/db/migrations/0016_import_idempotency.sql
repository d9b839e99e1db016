-- Answers of imports, kept 24 hours so that a retried import (same Idempotency-Key, or without one the
-- same file and options) answers the first result instead of writing its rows a second time.
create table import_idempotence (
  cle text not null,
  auteur text not null,
  -- SHA-256 of the file and the options: the same key sent with another file is refused.
  empreinte text not null,
  lot text references lot (id) on delete cascade,
  reponse jsonb not null,
  cree_le timestamptz not null default now(),
  primary key (cle, auteur)
);
create index import_idempotence_cree_le_idx on import_idempotence (cree_le);

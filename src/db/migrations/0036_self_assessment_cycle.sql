-- Self-assessments of dynamics against the seven criteria of a territorial health approach: every
-- assessment is kept (a new one is a new row), so a team sees how it moved. `criteres` holds
-- {code: {niveau, preuves}} for the seven criteria.
create table auto_evaluation (
  id text primary key,
  dynamique text not null references dynamique (id) on delete cascade,
  date text not null,
  criteres jsonb not null,
  commentaire text,
  auteur text not null,
  cree_le timestamptz not null default now()
);
create index auto_evaluation_dynamique_idx on auto_evaluation (dynamique, date desc, cree_le desc);

-- The project cycle a dynamic follows (diagnostic … évaluation, or its kind's steps): one versioned
-- document per dynamic, edited with If-Match like the dynamic itself.
create table cycle_projet (
  dynamique text primary key references dynamique (id) on delete cascade,
  document jsonb not null,
  version integer not null default 1,
  modifie_le timestamptz not null default now()
);

-- Census campaigns: a regional team asks the people behind each dynamic to confirm or correct its
-- record. Answers are proposals reviewed field by field before anything reaches the registry.
create table campagne (
  id text primary key,
  nom text not null,
  -- The campaign as created (scope, kinds, fields, questions, dates, message), kept whole.
  document jsonb not null,
  etat text not null default 'brouillon',
  cree_par text not null,
  version integer not null default 1,
  cree_le timestamptz not null default now(),
  modifie_le timestamptz not null default now(),
  envoyee_le timestamptz
);

create table campagne_destinataire (
  id text primary key,
  campagne text not null references campagne (id) on delete cascade,
  email text not null,
  nom text,
  origine text not null,
  dynamiques text[] not null,
  -- Kinds and départements of those dynamics, fixed at creation: the dashboard groups by them.
  types text[] not null,
  departements text[] not null,
  -- SHA-256 of the personal link's secret: the secret itself is only ever in the message sent.
  jeton_empreinte text unique,
  expire_le timestamptz,
  envoye_le timestamptz,
  ouvert_le timestamptz,
  enregistre_le timestamptz,
  soumis_le timestamptz,
  relance_le timestamptz,
  relances integer not null default 0,
  -- The answer as saved so far, and the records (with versions) the form showed when first opened.
  reponse jsonb,
  base jsonb,
  unique (campagne, email)
);
create index campagne_destinataire_campagne_idx on campagne_destinataire (campagne);

-- One row per dynamic answered (or new dynamic declared) in a submitted answer: what reviewers decide on.
create table campagne_proposition (
  id text primary key,
  campagne text not null references campagne (id) on delete cascade,
  destinataire text not null references campagne_destinataire (id) on delete cascade,
  dynamique text,
  nature text not null,
  decision text not null,
  type text not null,
  nom text not null,
  departements text[] not null,
  base_version integer,
  base jsonb,
  proposee jsonb not null,
  commentaire text,
  arret text,
  etat text not null default 'a_examiner',
  champs_acceptes text[] not null default '{}',
  changements integer not null default 0,
  soumis_le timestamptz not null,
  examine_par text,
  examine_le timestamptz
);
create index campagne_proposition_liste_idx on campagne_proposition (campagne, etat, soumis_le, id);
create index campagne_proposition_destinataire_idx on campagne_proposition (destinataire);

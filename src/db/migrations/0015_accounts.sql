-- Accounts, sessions and API tokens. Secrets are never stored: passwords as scrypt hashes, session and
-- token values as SHA-256 digests.
create table utilisateur (
  id text primary key,
  email text not null,
  nom text not null default '',
  role text not null,
  regions text[] not null default '{}',
  dynamiques text[] not null default '{}',
  mot_de_passe text,
  actif boolean not null default true,
  echecs integer not null default 0,
  bloque_jusqua timestamptz,
  cree_le timestamptz not null default now(),
  version integer not null default 1
);
create unique index utilisateur_email_idx on utilisateur (lower(email));

create table session_utilisateur (
  empreinte text primary key,
  utilisateur text not null references utilisateur (id) on delete cascade,
  csrf text not null,
  cree_le timestamptz not null default now(),
  expire_le timestamptz not null
);
create index session_utilisateur_idx on session_utilisateur (utilisateur);

create table jeton (
  id text primary key,
  empreinte text not null unique,
  libelle text not null,
  role text not null,
  regions text[] not null default '{}',
  utilisateur text references utilisateur (id) on delete cascade,
  cree_le timestamptz not null default now(),
  revoque_le timestamptz
);

-- Password reset links: one use, short-lived; the outbox keeps the message when no SMTP is configured.
create table reinitialisation (
  empreinte text primary key,
  utilisateur text not null references utilisateur (id) on delete cascade,
  expire_le timestamptz not null,
  utilise_le timestamptz
);

-- Actions and experiences capitalised with the analysis grid of the 2018 survey.
-- The action as entered is kept whole in `document`; `derive` holds what was derived from it when it was
-- written (communes, EPCI, départements and régions covered; kinds and names of the dynamics involved),
-- so that search and analyses run in memory without reading the reference or the registry again.
create table action (
  id text primary key,
  type text not null,
  titre text not null,
  debut text,
  document jsonb not null,
  derive jsonb not null,
  -- Account that created the action: a coordinator may edit the actions they entered.
  cree_par text,
  version integer not null default 1,
  -- Value of action_generation.valeur when the row was last written (see below).
  generation bigint not null default 0,
  cree_le timestamptz not null default now(),
  modifie_le timestamptz not null default now()
);
create index action_generation_idx on action (generation);

-- Each server keeps the actions in memory; this counter tells it what changed since it last looked:
-- every write bumps it in its own transaction (the row lock orders the writers), stamps the rows it
-- writes and logs the ids it deletes.
create table action_generation (
  singleton boolean primary key default true check (singleton),
  valeur bigint not null
);
insert into action_generation (singleton, valeur) values (true, 0);
create table action_suppression (
  id text not null,
  generation bigint not null
);
create index action_suppression_generation_idx on action_suppression (generation);

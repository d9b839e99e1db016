-- One history shape for every entity kind: the version a change produced (or removed) and where the
-- change came from, as columns rather than buried in the JSON snapshots.
alter table historique add column version integer;
alter table historique add column source text;

update historique
set version = coalesce((apres ->> 'version')::integer, (avant ->> 'version')::integer);

update historique
set source = case
  when action = 'annulation' then 'annulation'
  when action = 'migration_commune' then 'systeme'
  when auteur = 'démarrage' then 'systeme'
  when lot is not null then 'import'
  else 'interactif'
end;

alter table historique alter column source set default 'interactif';
alter table historique alter column source set not null;

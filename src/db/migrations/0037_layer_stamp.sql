-- A counter of statements that changed the QPV tables, which territory profiles keep in memory: with the
-- loaded layers (`reference_layer`), it tells every server in one cheap read that the QPV must be read
-- again, after an import as after a correction made by hand in SQL.
create table layer_stamp (
  id boolean primary key default true check (id),
  changes bigint not null default 0
);
insert into layer_stamp default values;

create function layer_stamp_bump() returns trigger language plpgsql as $$
begin
  update layer_stamp set changes = changes + 1;
  return null;
end
$$;

create trigger qpv_stamp after insert or update or delete or truncate on qpv
  for each statement execute function layer_stamp_bump();
create trigger qpv_commune_stamp after insert or update or delete or truncate on qpv_commune
  for each statement execute function layer_stamp_bump();

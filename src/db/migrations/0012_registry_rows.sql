-- The number of dynamics, kept beside the change counter of 0011: an in-memory view checks it after
-- patching itself (a removal made by hand in SQL next to ordinary writes) without counting 10,000 rows.
alter table registry_stamp add column dynamiques bigint not null default 0;
update registry_stamp set dynamiques = (select count(*) from dynamique);

create function registry_rows_added() returns trigger language plpgsql as $$
begin
  update registry_stamp set dynamiques = dynamiques + (select count(*) from added);
  return null;
end
$$;

create function registry_rows_removed() returns trigger language plpgsql as $$
begin
  update registry_stamp set dynamiques = dynamiques - (select count(*) from removed);
  return null;
end
$$;

create function registry_rows_cleared() returns trigger language plpgsql as $$
begin
  update registry_stamp set dynamiques = 0;
  return null;
end
$$;

create trigger dynamique_rows_added after insert on dynamique
  referencing new table as added for each statement execute function registry_rows_added();
create trigger dynamique_rows_removed after delete on dynamique
  referencing old table as removed for each statement execute function registry_rows_removed();
create trigger dynamique_rows_cleared after truncate on dynamique
  for each statement execute function registry_rows_cleared();

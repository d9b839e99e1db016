-- The links of a dynamic are stored in its document; a dynamic's page also shows the links pointing to it,
-- found by containment (`document->'liens' @> '[{"cible": id}]'`), which this index serves.
create index dynamique_liens_idx on dynamique using gin ((document -> 'liens') jsonb_path_ops);

-- When each password reset link was asked for: at most a few links per account and hour, counted across
-- restarts, so a mailbox cannot be flooded through the public « mot de passe oublié » form.
alter table reinitialisation add column demande_le timestamptz not null default now();
create index reinitialisation_utilisateur_idx on reinitialisation (utilisateur, demande_le);
create index historique_auteur_idx on historique (auteur);

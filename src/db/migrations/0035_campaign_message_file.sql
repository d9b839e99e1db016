-- Where the last message to a recipient went when no SMTP server is configured (a file of the outbox):
-- the team can read it, and forward it by hand.
alter table campagne_destinataire add column message_fichier text;

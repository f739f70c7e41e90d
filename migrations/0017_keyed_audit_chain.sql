-- The audit chain gets a key (issue 12). Until now each event's hash was plain
-- SHA-256 over its content and the previous hash, so whoever could write the
-- database could edit an event, recompute every later hash, and `audit verify`
-- said intact. From here on each event is hashed with HMAC-SHA256 under an
-- audit key kept outside the database (SENIM_AUDIT_KEY).
--
-- The events already written keep their plain hashes and are verified as they
-- are; the head remembers the last of them, and verification refuses an
-- unkeyed event after it. An anchor (`senim audit anchor`) stored elsewhere
-- is what protects those older events against a rewrite.

alter table audit_events add column hash_kind text not null default 'sha256';
-- Every new event must say how it is hashed: no default to fall back on.
alter table audit_events alter column hash_kind drop default;
alter table audit_events add constraint audit_events_hash_kind_check check (hash_kind in ('sha256', 'hmac-sha256'));
-- Which audit key, by id (a fingerprint of its public half; reveals nothing of the secret).
alter table audit_events add column key_id text;
alter table audit_events add constraint audit_events_key_id_check check ((hash_kind = 'hmac-sha256') = (key_id is not null));

alter table audit_chain_head add column unkeyed_until_event_id bigint;
update audit_chain_head set unkeyed_until_event_id = last_event_id;

-- The handling deadline (办结期限, Art. 34) as decided: set when the unit accepts (or a review orders the case
-- handled anew), moved once by an approved extension. Later steps (the extension checks, the opinion's
-- 按期办结 record) read it here, never from a process variable. Portable: H2 2.x and PostgreSQL 13+.
alter table petition add column handling_due timestamp with time zone;
alter table petition add column handling_extended boolean default false not null;

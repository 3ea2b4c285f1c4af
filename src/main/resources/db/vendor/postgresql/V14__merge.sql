-- 并单 (docs/domain.md, "并单"): PostgreSQL's half of V14 (db/vendor/h2 has the H2 half; both keep the
-- same portable part). pg_trgm is a trusted extension from PostgreSQL 13: the database owner may
-- create it without being a superuser (docs/operations.md, "PostgreSQL").
create extension if not exists pg_trgm;

-- an attachment copied from a petition merged into this case: the case it came from
alter table attachment add column merged_from varchar(32);

-- the candidates of the portable title comparison: recent cases of one district
create index ix_petition_district_received on petition (district, received_at);

-- similar titles at triage: petition.title % :title (cn.xinfang.casestore.SimilarCases)
create index ix_petition_title_trgm on petition using gin (title gin_trgm_ops);

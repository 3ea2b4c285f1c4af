-- 并单 (docs/domain.md, "并单"): H2's half of V14. The PostgreSQL half (db/vendor/postgresql) adds the
-- trigram index for similar titles; H2 has no pg_trgm, so cn.xinfang.casestore.SimilarCases compares
-- titles in Java over a bounded candidate set and needs only the district index below.
-- Both halves must keep the same portable part.

-- an attachment copied from a petition merged into this case: the case it came from
alter table attachment add column merged_from varchar(32);

-- the candidates of the portable title comparison: recent cases of one district
create index ix_petition_district_received on petition (district, received_at);

-- 预警 (docs/warnings.md): what the early warnings need besides table warning (V11).
-- Portable SQL: runs on H2 2.x and PostgreSQL 13+.

-- "One matter" of a GROUP warning: the district, the category and the title with its spaces and
-- punctuation removed, written when the petition is registered. Five petitions of one matter_key
-- received within 7 days raise GROUP; the index answers that count from a handful of rows.
alter table case_metric add column matter_key varchar(300);
create index ix_case_metric_matter on case_metric (matter_key, received_at);

-- SURGE counts category × district over the last five weeks: an index-only range scan.
create index ix_case_metric_surge on case_metric (received_at, district, category);

-- GET /api/warnings lists the open ones (acknowledged_at null), newest first, of one type or all.
create index ix_warning_open on warning (acknowledged_at, raised_at);
create index ix_warning_type on warning (type, acknowledged_at, raised_at);

-- OVERDUE: the scan reads the supervisions of the overdue watch opened in the last 30 days.
create index ix_supervision_opened on supervision (opened_at);

-- Bulk loader of historic cases for bench/run (growth at 1,000,000 historic cases): copies the cases listed
-- in bench_template (process instance ids of ended petitions that the application itself drove from
-- registration to their end) :copies times, with their engine history, their per-case authorizations and
-- their case-store rows, under new ids. Going through the API would take hours at the measured intake rate;
-- the copies are row for row what the engine and the case store wrote for real cases.
--
--   psql -v copies=N -v scope=all|read -f bench/history.sql DATABASE
--
-- scope=all copies every row of those cases; scope=read only what the measured requests read besides the
-- runtime tables: the per-case authorizations (the worklist's authorization check) and the case file but
-- its audit trail (the petitioner's view). An ended case takes about 135 KB at all (BENCHMARKS.md), so a
-- million of them need about 135 GB and hours to write: more than the benchmark's machine has.
--
-- New ids: text ids of the engine get '~<copy>' appended (ids too long for that are hashed first); the case store's numeric ids are shifted by <copy> times a stride above every existing id; case
-- numbers keep their format (XF2026-<12 digits>) and query codes their alphabet and length. Ids of models,
-- users and groups stay as they are. Timestamps are those of the templates.
\set ON_ERROR_STOP on
\if :{?scope}
\else
  \set scope all
\endif
begin;

-- engine tables whose rows belong to one process instance (all carry ROOT_PROC_INST_ID_)
create temporary table bench_engine_table (name text primary key);
insert into bench_engine_table values
  ('act_hi_procinst'), ('act_hi_actinst'), ('act_hi_taskinst'), ('act_hi_varinst'), ('act_hi_detail'),
  ('act_hi_identitylink'), ('act_hi_op_log'), ('act_hi_job_log'), ('act_hi_incident'), ('act_hi_comment'),
  ('act_hi_attachment'), ('act_hi_decinst'), ('act_hi_dec_in'), ('act_hi_dec_out'), ('act_hi_ext_task_log'),
  ('act_ge_bytearray');

-- columns named *_id_ that name a model element, a definition, a user or a group: never renamed
create temporary table bench_kept_column (name text primary key);
insert into bench_kept_column values
  ('proc_def_id_'), ('process_def_id_'), ('case_def_id_'), ('dec_def_id_'), ('dec_req_id_'), ('deployment_id_'),
  ('job_def_id_'), ('act_id_'), ('failed_act_id_'), ('activity_id_'), ('failed_activity_id_'), ('start_act_id_'),
  ('end_act_id_'), ('clause_id_'), ('rule_id_'), ('tenant_id_'), ('user_id_'), ('group_id_'), ('assigner_id_'),
  ('start_user_id_'), ('create_user_id_'), ('worker_id_');

-- a text id of the engine in its copy: the same for every column that names it; one of 64 characters at most
create function pg_temp.new_id(original text, copy int) returns text language sql immutable as $$
  select case when length(original) <= 55 then original || '~' || copy else md5(original) || '~' || copy end
$$;

create function pg_temp.case_number(original text, copy int) returns text language sql immutable as $$
  select substr(original, 1, 7) || lpad((copy::bigint * 100000000 + substr(original, 8)::bigint)::text, 12, '0')
$$;

create function pg_temp.query_code(original text, copy int) returns text language sql immutable as $$
  select translate(upper(substr(md5(original || '~' || copy), 1, 12)), '01', 'XY')
$$;

-- one INSERT … SELECT per table: every row of the templates, :copies times
create function pg_temp.copy_table(tbl text, filter text, copies int, stride bigint) returns bigint
language plpgsql as $$
declare
  cols text;
  exprs text;
  n bigint;
begin
  select string_agg(quote_ident(column_name), ', ' order by ordinal_position),
         string_agg(case
           -- a case number, also where a case names another (a repeat, a merge: V11)
           when column_name in ('case_number', 'business_key_', 'repeat_of', 'merged_into')
             then format('pg_temp.case_number(%I, g)', column_name)
           when column_name = 'query_code' then 'pg_temp.query_code(query_code, g)'
           when column_name in ('request_id', 'process_instance_id', 'resource_id_')
             or column_name like '%id\_' and data_type like 'character%'
               and column_name not in (select name from bench_kept_column)
             then format('pg_temp.new_id(%I, g)', column_name)
           when (column_name = 'id' or column_name like '%\_id') and data_type = 'bigint'
             then format('%I + g * %s', column_name, stride)
           else quote_ident(column_name) end, ', ' order by ordinal_position)
    into cols, exprs
    from information_schema.columns
   where table_schema = current_schema() and table_name = tbl;
  execute format('insert into %I (%s) select %s from %I t, generate_series(1, %s) g where %s',
                 tbl, cols, exprs, tbl, copies, filter);
  get diagnostics n = row_count;
  raise notice '% rows into %', n, tbl;
  return n;
end $$;

create temporary table bench_template_petition as
  select id from petition where process_instance_id in (select proc_inst_id from bench_template);
create temporary table bench_template_opinion as
  select id from opinion where petition_id in (select id from bench_template_petition);
create temporary table bench_template_task as
  select id_ from act_hi_taskinst where root_proc_inst_id_ in (select proc_inst_id from bench_template);

select greatest((select max(id) from petition), (select max(id) from petitioner), (select max(id) from milestone),
                (select max(id) from notice), (select max(id) from opinion), (select coalesce(max(id), 0) from evaluation),
                (select coalesce(max(id), 0) from appeal_request), (select coalesce(max(id), 0) from hearing),
                (select max(id) from case_audit)) + 1 as stride \gset

select coalesce(sum(pg_temp.copy_table(name, 'root_proc_inst_id_ in (select proc_inst_id from bench_template)',
                                        :copies, :stride)), 0) as engine_rows
  from bench_engine_table where :'scope' = 'all' \gset
-- the engine's per-case grants (CaseAccess) and per-task history grants
select pg_temp.copy_table('act_ru_authorization',
  'resource_id_ in (select proc_inst_id from bench_template union all select id_ from bench_template_task)',
  :copies, :stride) as authorization_rows \gset

select pg_temp.copy_table('petition', 'id in (select id from bench_template_petition)', :copies, :stride)
  + pg_temp.copy_table('petitioner', 'petition_id in (select id from bench_template_petition)', :copies, :stride)
  + pg_temp.copy_table('milestone', 'petition_id in (select id from bench_template_petition)', :copies, :stride)
  + pg_temp.copy_table('notice', 'petition_id in (select id from bench_template_petition)', :copies, :stride)
  + pg_temp.copy_table('hearing', 'petition_id in (select id from bench_template_petition)', :copies, :stride)
  + pg_temp.copy_table('opinion', 'id in (select id from bench_template_opinion)', :copies, :stride)
  + pg_temp.copy_table('evaluation', 'opinion_id in (select id from bench_template_opinion)', :copies, :stride)
  + pg_temp.copy_table('appeal_request', 'opinion_id in (select id from bench_template_opinion)', :copies, :stride)
  -- the facts the metrics read (GET /api/metrics, docs/metrics.md)
  + pg_temp.copy_table('case_metric', 'petition_id in (select id from bench_template_petition)', :copies, :stride)
  + case when :'scope' = 'all'
      then pg_temp.copy_table('case_audit', 'petition_id in (select id from bench_template_petition)', :copies, :stride)
      else 0 end
  as case_store_rows \gset

-- the case store's identity columns continue above the copies
select count(setval(pg_get_serial_sequence(t, 'id'), (:copies + 1) * :stride))
  from unnest(array['petition', 'petitioner', 'milestone', 'notice', 'hearing', 'opinion', 'evaluation',
                    'appeal_request', 'case_audit']) t \gset
select :engine_rows + :authorization_rows + :case_store_rows as rows_written \gset
commit;
\echo rows written :rows_written (engine history :engine_rows, authorizations :authorization_rows, case store :case_store_rows)
analyze;

-- The statements of 预警 (cn.xinfang.casestore.WarningStore) as PostgreSQL runs them, parameters filled in:
-- the first page of GET /api/warnings (open, all types; open, one type; all), and what the registration and the
-- warning scan (petition.warnings.scan-interval) ask: the matter count of GROUP, the repeat's earlier case, the
-- SURGE counts of the last five weeks and the OVERDUE anti-join. docs/warnings.md says why each is cheap.
-- psql -v now="'2026-12-20T10:00:00+08'" -f bench/warnings.sql DATABASE
set jit = off;
\timing on
explain (analyze, costs off)
select w.*, p.route as case_route from warning w left join petition p on p.id = w.petition_id
where 1 = 1 and w.acknowledged_at is null
order by w.raised_at desc, w.id desc offset 0 rows fetch next 50 rows only;
explain (analyze, costs off)
select w.*, p.route as case_route from warning w left join petition p on p.id = w.petition_id
where 1 = 1 and w.acknowledged_at is null and w.type = 'OVERDUE'
order by w.raised_at desc, w.id desc offset 0 rows fetch next 50 rows only;
explain (analyze, costs off)
select w.*, p.route as case_route from warning w left join petition p on p.id = w.petition_id
where 1 = 1
order by w.raised_at desc, w.id desc offset 0 rows fetch next 500 rows only;
explain (analyze, costs off)
select count(*) from case_metric
where matter_key = (select matter_key from case_metric where matter_key is not null limit 1)
  and received_at >= timestamptz :now - interval '7 days' and received_at <= timestamptz :now
  and merged_into is null;
explain (analyze, costs off)
select m.repeat_of, e.received_at from case_metric m join petition e on e.case_number = m.repeat_of
where m.petition_id = (select max(petition_id) from case_metric where repeat_of is not null)
  and m.repeat_of is not null;
explain (analyze, costs off)
select district, category,
  sum(case when received_at >= timestamptz :now - interval '7 days' then 1 else 0 end) as last_week,
  sum(case when received_at < timestamptz :now - interval '7 days' then 1 else 0 end) as earlier
from case_metric
where received_at >= timestamptz :now - interval '35 days' and received_at < timestamptz :now
  and category is not null and merged_into is null
group by district, category
having sum(case when received_at >= timestamptz :now - interval '7 days' then 1 else 0 end) >= 5;
explain (analyze, costs off)
select s.overdue_task_id, p.id, p.case_number, p.district, p.category, s.task_name, s.task_groups, s.task_due
from supervision s join petition p on p.id = s.petition_id
where s.overdue_task_id is not null and s.opened_at >= timestamptz :now - interval '30 days'
  and not exists (select 1 from warning w where w.dedup_key = concat('OVERDUE:', s.overdue_task_id))
order by s.opened_at, s.id
fetch first 200 rows only;

-- Synthetic ended cases for the 网上判 benchmark (bench/metrics): :cases petitions received over the five
-- years before now, each with its petitioner and its case_metric facts, spread over 60 units, 10 districts
-- and 20 categories, plus the warnings such a history raises. Only the case store is written: the metrics and
-- the warnings read nothing else (docs/metrics.md), and a million cases through the engine take hours.
--
--   psql -v cases=1000000 -f bench/metrics.sql DATABASE
--
-- The shares are those of a city that mostly works in time: about 9 % of triages late, 8 % of acceptances
-- late, 12 % of conclusions late, 60 % of replies evaluated (82 % of them satisfied or basically), 5 % asked
-- for review, 10 % repeat petitions. random() is seeded: every run loads the same cases.
\set ON_ERROR_STOP on
\if :{?cases}
\else
  \set cases 1000000
\endif
begin;
select setseed(0.15);

-- numbered in the order of receipt, and written in that order: a live case store receives its petitions
-- day after day, so the rows of one year lie together in the table, as here
create temporary table bench_case as
select row_number() over (order by received_at, g) as n, received_at, district, category, unit,
       r1, r2, r3, r4, r5, r6
  from (select g,
               now() - (random() * interval '1826 days') as received_at,
               (array['福田区','罗湖区','南山区','盐田区','宝安区','龙岗区','龙华区','坪山区','光明区','大鹏新区'])[1 + (g % 10)] as district,
               'CAT' || lpad(((g * 7) % 20 + 1)::text, 2, '0') as category,
               case (g % 60) when 0 then 'unit-housing' when 1 then 'unit-hrss' when 2 then 'unit-planning'
                    when 3 then 'unit-environment' else 'unit-bench-' || lpad((g % 60)::text, 2, '0') end as unit,
               random() as r1, random() as r2, random() as r3, random() as r4, random() as r5, random() as r6
          from generate_series(1, :cases) g) c;

select coalesce(max(id), 0) + 1 as base from petition \gset

insert into petition (id, case_number, query_code, channel, received_at, registered_at, person_count,
  group_petition, district, category, title, content, status, route, handling_unit, handling_unit_name,
  updated_at)
select :base + n, 'BM' || lpad(n::text, 10, '0'),
       upper(substr(md5('bench-' || n), 1, 12)), 'ONLINE', received_at, received_at, 1, false, district,
       category, '历史信访事项 ' || n, '基准测试用的历史信访事项，内容从略。',
       case when r1 < 0.05 then 'TERMINATED' when r1 < 0.12 then 'NOT_ACCEPTED' else 'CLOSED' end,
       case when r1 < 0.12 then 'NOT_REACCEPTED' else 'PETITION' end, unit, unit, received_at + interval '90 days'
  from bench_case order by n;

insert into petitioner (petition_id, position, name, id_number, phone, address, representative)
select :base + n, 0, '信访人' || (n % 300000), null, '139' || lpad((n % 300000)::text, 8, '0'), '深圳市', false
  from bench_case order by n;

-- the facts, one case in ten past the first 300,000 a repeat of the case 300,000 numbers earlier (in
-- the order of receipt: an older case of the same petitioner key) (same petitioner key)
insert into case_metric (petition_id, case_number, received_at, received_month, district, category, unit,
  petitioner_key, repeat_of, repeated, triage_due, triaged_at, acceptance_due, accepted_at, handling_due,
  concluded_at, evaluation_due, evaluated_at, satisfaction, appealed, closed_at)
select :base + n, 'BM' || lpad(n::text, 10, '0'), received_at,
       to_char(received_at at time zone 'Asia/Shanghai', 'YYYY-MM'), district, category, unit,
       'NP:信访人' || (n % 300000) || '|139' || lpad((n % 300000)::text, 8, '0'),
       case when r6 < 0.10 and n > 300000 then 'BM' || lpad((n - 300000)::text, 10, '0') end,
       r6 > 0.90,
       received_at + interval '15 days', triaged, triaged + interval '15 days', accepted,
       accepted + interval '60 days', concluded, concluded + interval '30 days',
       case when r4 < 0.60 then concluded + interval '3 days' end,
       case when r4 < 0.60 then case when r5 < 0.55 then 'SATISFIED' when r5 < 0.82 then 'BASICALLY_SATISFIED' else 'DISSATISFIED' end end,
       r5 < 0.05, concluded
  from (select c.*,
               received_at + (r1 * 16.5 + 0.2) * interval '1 day' as triaged,
               received_at + (r1 * 16.5 + 0.2) * interval '1 day' + (r2 * 16.3 + 0.2) * interval '1 day' as accepted,
               received_at + (r1 * 16.5 + 0.2) * interval '1 day' + (r2 * 16.3 + 0.2) * interval '1 day'
                 + (r3 * 68 + 1) * interval '1 day' as concluded
          from bench_case c) f
 order by n;

-- the warnings such a history raised: a repeat warning per repeat petition, and group warnings
insert into warning (type, dedup_key, petition_id, case_number, district, category, unit, raised_at, detail,
  acknowledged_at, acknowledged_by, acknowledgement)
select case when m.repeat_of is not null then 'REPEAT' else 'GROUP' end,
       case when m.repeat_of is not null then 'REPEAT:' else 'GROUP:' end || m.case_number,
       m.petition_id, m.case_number, m.district, m.category, m.unit, m.received_at,
       case when m.repeat_of is not null then '同一信访人12个月内再次信访，前次为 ' || m.repeat_of else '集体访' end,
       case when m.received_at < now() - interval '30 days' then m.received_at + interval '1 day' end,
       case when m.received_at < now() - interval '30 days' then 'leader1' end,
       case when m.received_at < now() - interval '30 days' then '已阅' end
  from case_metric m
 where m.case_number like 'BM%' and (m.repeat_of is not null or m.petition_id % 200 = 0);

select setval(pg_get_serial_sequence('petition', 'id'), (select max(id) from petition));
commit;
\echo loaded :cases ended cases

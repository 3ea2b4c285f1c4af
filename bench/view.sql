-- The statements of the petitioner's view (GET /api/petitions/{queryCode}: PetitionController.view through
-- PetitionStore and OpinionStore) for one case, with their plans: psql -v code=QUERYCODE -f bench/view.sql DATABASE
-- (bench/run's database keeps its cases; any query code of it will do).
set jit = off;
select id as petition, (select min(id) from opinion where petition_id = p.id) as opinion
  from petition p where query_code = :'code' \gset
explain (analyze, costs off, summary off) select * from petition where query_code = :'code';
explain (analyze, costs off, summary off) select * from opinion where petition_id = :petition order by id;
explain (analyze, costs off, summary off) select * from evaluation where opinion_id = coalesce(:opinion, 0);
explain (analyze, costs off, summary off)
  select * from opinion where petition_id = :petition and kind = 'HANDLING' order by id desc fetch first 1 rows only;
explain (analyze, costs off, summary off) select * from petitioner where petition_id = :petition order by position;
explain (analyze, costs off, summary off) select * from milestone where petition_id = :petition order by occurred_at, id;
explain (analyze, costs off, summary off) select * from notice where petition_id = :petition order by issued_at, id;

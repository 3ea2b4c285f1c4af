-- The two statements of the overdue watch (网上督, cn.xinfang.supervision.OverdueWatch) that Camunda 7.24 sends on
-- PostgreSQL every petition.supervision.watch-interval (30 s), as MyBatis logs them with
-- logging.level.org.camunda.bpm.engine.impl.persistence.entity.TaskEntity=DEBUG, parameters filled in: the tasks
-- of the process petition below a priority whose due date has passed the reminder point (about 3 working days
-- ahead; 4 days here) or now. No authorization check: the watch runs as the platform.
-- psql -v key=petition -f bench/watch.sql DATABASE
set jit = off;
\timing on
explain (analyze, costs off)
select distinct RES.REV_, RES.ID_, RES.NAME_, RES.PARENT_TASK_ID_, RES.DESCRIPTION_, RES.PRIORITY_, RES.CREATE_TIME_,
  RES.OWNER_, RES.ASSIGNEE_, RES.DELEGATION_, RES.EXECUTION_ID_, RES.PROC_INST_ID_, RES.PROC_DEF_ID_,
  RES.CASE_EXECUTION_ID_, RES.CASE_INST_ID_, RES.CASE_DEF_ID_, RES.TASK_DEF_KEY_, RES.DUE_DATE_, RES.FOLLOW_UP_DATE_,
  RES.SUSPENSION_STATE_, RES.TENANT_ID_, RES.LAST_UPDATED_, RES.TASK_STATE_
from ACT_RU_TASK RES inner join ACT_RE_PROCDEF D on RES.PROC_DEF_ID_ = D.ID_
WHERE ( 1 = 1 and RES.PRIORITY_ <= 74 and D.KEY_ = :'key'
  and ( RES.DUE_DATE_ < localtimestamp + interval '4 days' and RES.DUE_DATE_ is not null ) )
order by RES.DUE_DATE_ asc, RES.ID_ asc LIMIT 200 OFFSET 0;
explain (analyze, costs off)
select distinct RES.REV_, RES.ID_, RES.NAME_, RES.PARENT_TASK_ID_, RES.DESCRIPTION_, RES.PRIORITY_, RES.CREATE_TIME_,
  RES.OWNER_, RES.ASSIGNEE_, RES.DELEGATION_, RES.EXECUTION_ID_, RES.PROC_INST_ID_, RES.PROC_DEF_ID_,
  RES.CASE_EXECUTION_ID_, RES.CASE_INST_ID_, RES.CASE_DEF_ID_, RES.TASK_DEF_KEY_, RES.DUE_DATE_, RES.FOLLOW_UP_DATE_,
  RES.SUSPENSION_STATE_, RES.TENANT_ID_, RES.LAST_UPDATED_, RES.TASK_STATE_
from ACT_RU_TASK RES inner join ACT_RE_PROCDEF D on RES.PROC_DEF_ID_ = D.ID_
WHERE ( 1 = 1 and RES.PRIORITY_ <= 99 and D.KEY_ = :'key'
  and ( RES.DUE_DATE_ < localtimestamp and RES.DUE_DATE_ is not null ) )
order by RES.DUE_DATE_ asc, RES.ID_ asc LIMIT 200 OFFSET 0;

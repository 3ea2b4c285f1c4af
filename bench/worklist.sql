-- The statement the engine (Camunda 7.24 on PostgreSQL) sends for the bureau's worklist
-- (GET /engine-rest/task?candidateGroup=bureau&sortBy=dueDate&sortOrder=asc&maxResults=15 as clerk1, a member
-- of bureau only), as MyBatis logs it with logging.level.org.camunda.bpm.engine.impl.persistence.entity.TaskEntity
-- =DEBUG, with its parameters filled in: 7 = the TASK resource, 2 = READ; 6 = PROCESS_DEFINITION, 64 = READ_TASK.
-- bench/run prints its plan at each size: psql -f bench/worklist.sql DATABASE
set jit = off;
explain (analyze, costs off)
select distinct RES.REV_, RES.ID_, RES.NAME_, RES.PARENT_TASK_ID_, RES.DESCRIPTION_, RES.PRIORITY_, RES.CREATE_TIME_,
  RES.OWNER_, RES.ASSIGNEE_, RES.DELEGATION_, RES.EXECUTION_ID_, RES.PROC_INST_ID_, RES.PROC_DEF_ID_,
  RES.CASE_EXECUTION_ID_, RES.CASE_INST_ID_, RES.CASE_DEF_ID_, RES.TASK_DEF_KEY_, RES.DUE_DATE_, RES.FOLLOW_UP_DATE_,
  RES.SUSPENSION_STATE_, RES.TENANT_ID_, RES.LAST_UPDATED_, RES.TASK_STATE_
from ACT_RU_TASK RES
  left join ACT_RU_IDENTITYLINK I on I.TASK_ID_ = RES.ID_
  left join ACT_RE_PROCDEF D on RES.PROC_DEF_ID_ = D.ID_
  left join (SELECT A.* FROM ACT_RU_AUTHORIZATION A WHERE A.TYPE_ < 2
               AND (A.USER_ID_ in ('clerk1', '*') OR A.GROUP_ID_ IN ('bureau'))
               AND ((A.RESOURCE_TYPE_ = 7 AND A.PERMS_ & 2 = 2 OR A.RESOURCE_TYPE_ = 6 AND A.PERMS_ & 64 = 64))) AUTH
    ON (AUTH.RESOURCE_ID_ IN (RES.ID_, D.KEY_, '*'))
WHERE (1 = 1 and (RES.ASSIGNEE_ is null and I.TYPE_ = 'candidate' and (I.GROUP_ID_ IN ('bureau'))))
  and ((RES.CASE_EXECUTION_ID_ IS NOT NULL) OR (AUTH.RESOURCE_ID_ IS NOT NULL))
  and (RES.TENANT_ID_ is null)
order by RES.DUE_DATE_ asc LIMIT 15 OFFSET 0;

-- Petitioners who come to the counter, write or call (docs/domain.md §5): staff record their evaluation
-- (回访) and their review requests, and the unit records when they received an opinion; the windows run
-- from that day (Art. 35, 36: 自收到之日起). Portable: H2 2.x and PostgreSQL 13+.

-- how the evaluation or the request reached us (ONLINE: the petitioner, online) and which clerk entered it
alter table evaluation add column channel varchar(16) default 'ONLINE' not null;
alter table evaluation add column recorded_by varchar(64);
alter table appeal_request add column channel varchar(16) default 'ONLINE' not null;
alter table appeal_request add column recorded_by varchar(64);

-- when the petitioner received the opinion and how (DIRECT, POST, ELECTRONIC, ONLINE); null until the unit
-- confirms the delivery of an opinion to an offline petitioner, whose windows open only then
alter table opinion add column received_at timestamp with time zone;
alter table opinion add column delivery_method varchar(16);
-- the level that reviews (for a handling opinion) or re-reviews (for a review opinion) it, as decided
alter table opinion add column appeal_level varchar(64);
update opinion set received_at = delivered_at, delivery_method = 'ONLINE';

-- the clerk who drafted the reply of a round: never one of its approvers (三审)
alter table approval_step add column drafted_by varchar(64);

-- a counter clerk's own registrations, newest first (their receipts): GET /api/staff/registrations
create index ix_petition_registered_by on petition (registered_by, registered_at);

-- 交办 (Art. 22): the day the assigned unit's report (办结报告) is due, as the bureau set it; null for 转送
alter table petition add column assignment_due timestamp with time zone;

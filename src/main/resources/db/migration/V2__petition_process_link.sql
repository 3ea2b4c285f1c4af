-- Each case belongs to exactly one process instance. Registration links them; a second process
-- naming the same case number cannot claim it (the update below finds the column already set).
alter table petition add column process_instance_id varchar(64);
alter table petition add constraint uq_petition_process_instance unique (process_instance_id);

-- When a notice was also announced to the petitioner by SMS (process noticeDelivery); null when not
-- (no mobile number, no SMS gateway configured, or not yet sent). Portable: H2 2.x and PostgreSQL 13+.
alter table notice add column sms_sent_at timestamp with time zone;

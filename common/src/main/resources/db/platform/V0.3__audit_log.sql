-- Append-only audit trail of every mutating API call, succeeded or refused (leveling-common).
CREATE TABLE audit_log (
    id             bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at    timestamptz  NOT NULL DEFAULT clock_timestamp(),
    actor          varchar(64)  NOT NULL,
    roles          jsonb        NOT NULL,
    action         varchar(300) NOT NULL,
    resource_type  varchar(64),
    resource_id    varchar(255),
    before_state   jsonb,
    after_state    jsonb,
    outcome        varchar(16)  NOT NULL CHECK (outcome IN ('SUCCEEDED', 'REFUSED')),
    status         integer,
    detail         text,
    correlation_id varchar(64)
);
CREATE INDEX audit_log_resource ON audit_log (resource_type, resource_id, id);
CREATE INDEX audit_log_actor ON audit_log (actor, id);
CREATE INDEX audit_log_time ON audit_log (occurred_at);

-- The database itself refuses to rewrite history, whoever connects. One function serves every
-- append-only table of a service (attach it for UPDATE OR DELETE per row and for TRUNCATE).
CREATE FUNCTION refuse_rewriting_history() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_log_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION refuse_rewriting_history();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_rewriting_history();

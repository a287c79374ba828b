-- Refused calls without a valid token, counted instead of written one row each (leveling-common):
-- anyone can send them, so one row per call would let anonymous traffic grow the audit trail without
-- bound. One row per minute x method x route template x client address x status holds the count; a
-- minute holds at most leveling.audit.anonymous-refusals.max-rows-per-minute such rows, and the
-- refusals beyond them are counted in the minute's '(other)' row of their status.
CREATE TABLE audit_anonymous_refusal (
    id             bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    minute         timestamptz  NOT NULL,
    method         varchar(16)  NOT NULL,
    route          varchar(300) NOT NULL,
    client_address varchar(64)  NOT NULL,
    status         integer      NOT NULL,
    refusals       bigint       NOT NULL CHECK (refusals > 0),
    first_at       timestamptz  NOT NULL,
    last_at        timestamptz  NOT NULL,
    UNIQUE (minute, method, route, client_address, status)
);
CREATE INDEX audit_anonymous_refusal_minute ON audit_anonymous_refusal (minute, id);

-- Counting up is the only change allowed: like audit_log, no row is deleted and no count rewritten.
CREATE FUNCTION refuse_uncounting_anonymous_refusal() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.refusals < OLD.refusals OR NEW.first_at <> OLD.first_at
            OR (NEW.minute, NEW.method, NEW.route, NEW.client_address, NEW.status)
               IS DISTINCT FROM (OLD.minute, OLD.method, OLD.route, OLD.client_address, OLD.status) THEN
        RAISE EXCEPTION 'audit_anonymous_refusal only counts up: UPDATE refused' USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER audit_anonymous_refusal_counts_up BEFORE UPDATE ON audit_anonymous_refusal
    FOR EACH ROW EXECUTE FUNCTION refuse_uncounting_anonymous_refusal();
CREATE TRIGGER audit_anonymous_refusal_no_delete BEFORE DELETE ON audit_anonymous_refusal
    FOR EACH ROW EXECUTE FUNCTION refuse_rewriting_history();
CREATE TRIGGER audit_anonymous_refusal_no_truncate BEFORE TRUNCATE ON audit_anonymous_refusal
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_rewriting_history();

-- The two-person rule: a manual level change (PROMOTION, TRANSFER, CORRECTION through the API) is a
-- proposal of one hr-admin until a second one decides it. Only an approval appends to level_assignment.
CREATE TABLE level_change_proposal (
    id                varchar(36)   PRIMARY KEY,
    employee_id       varchar(64)   NOT NULL REFERENCES person (employee_id),
    framework_key     varchar(64)   NOT NULL,
    framework_version integer       NOT NULL,
    level_code        varchar(32)   NOT NULL,
    effective_from    date          NOT NULL,
    reason            varchar(16)   NOT NULL CHECK (reason IN ('PROMOTION', 'TRANSFER', 'CORRECTION')),
    source_ref        varchar(255),
    -- The latest history entry when proposed: an approval applies only while it is still the latest.
    based_on_entry_id bigint        REFERENCES level_assignment (id),
    previous_level    varchar(32),
    status            varchar(16)   NOT NULL CHECK (status IN ('PROPOSED', 'APPROVED', 'REJECTED')),
    proposed_by       varchar(64)   NOT NULL,
    proposed_at       timestamptz   NOT NULL,
    decided_by        varchar(64),
    decided_at        timestamptz,
    rejection_reason  varchar(2000),
    history_entry_id  bigint        UNIQUE REFERENCES level_assignment (id),
    FOREIGN KEY (framework_key, framework_version) REFERENCES framework_version (framework_key, version),
    -- The rules hold for every database user, not only for the service's code.
    CONSTRAINT level_change_proposal_not_own CHECK (proposed_by <> employee_id AND decided_by <> employee_id),
    CONSTRAINT level_change_proposal_second_person CHECK (status <> 'APPROVED' OR decided_by <> proposed_by),
    CONSTRAINT level_change_proposal_decided CHECK (
        (status = 'PROPOSED' AND decided_by IS NULL AND decided_at IS NULL AND rejection_reason IS NULL
            AND history_entry_id IS NULL)
        OR (status = 'APPROVED' AND decided_by IS NOT NULL AND decided_at IS NOT NULL AND rejection_reason IS NULL
            AND history_entry_id IS NOT NULL)
        OR (status = 'REJECTED' AND decided_by IS NOT NULL AND decided_at IS NOT NULL
            AND rejection_reason IS NOT NULL AND history_entry_id IS NULL))
);
-- One open proposal per person: two open ones could each fit the history and both be approved.
CREATE UNIQUE INDEX level_change_proposal_one_open ON level_change_proposal (employee_id) WHERE status = 'PROPOSED';
CREATE INDEX level_change_proposal_queue ON level_change_proposal (proposed_at, id);
CREATE INDEX level_change_proposal_person ON level_change_proposal (employee_id, proposed_at, id);

-- A proposal is decided once (PROPOSED -> APPROVED | REJECTED), keeps what was proposed, and is never deleted.
CREATE FUNCTION refuse_redeciding_level_change_proposals() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' OR OLD.status <> 'PROPOSED'
            OR (NEW.employee_id, NEW.framework_key, NEW.framework_version, NEW.level_code, NEW.effective_from,
                NEW.reason, NEW.source_ref, NEW.based_on_entry_id, NEW.previous_level, NEW.proposed_by,
                NEW.proposed_at)
               IS DISTINCT FROM
               (OLD.employee_id, OLD.framework_key, OLD.framework_version, OLD.level_code, OLD.effective_from,
                OLD.reason, OLD.source_ref, OLD.based_on_entry_id, OLD.previous_level, OLD.proposed_by,
                OLD.proposed_at) THEN
        RAISE EXCEPTION 'level change proposal % is decided once and never rewritten: % refused', OLD.id, TG_OP
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER level_change_proposal_decided_once BEFORE UPDATE OR DELETE ON level_change_proposal
    FOR EACH ROW EXECUTE FUNCTION refuse_redeciding_level_change_proposals();
-- refuse_rewriting_history() comes from leveling-common (db/platform).
CREATE TRIGGER level_change_proposal_no_truncate BEFORE TRUNCATE ON level_change_proposal
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_rewriting_history();

-- An INITIAL level is written directly, so only once per person and framework; later changes are proposals.
-- Fails on a database that already holds two INITIAL entries of one person and framework (see
-- docs/services/levels-service.md, "Reports and level history", for the query that finds them).
CREATE UNIQUE INDEX level_assignment_one_initial ON level_assignment (employee_id, framework_key)
    WHERE reason = 'INITIAL';

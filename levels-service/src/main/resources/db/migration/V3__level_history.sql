-- Effective-dated level history: every change appends a row; nothing is ever overwritten.
CREATE TABLE level_assignment (
    id                bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    employee_id       varchar(64)  NOT NULL REFERENCES person (employee_id),
    framework_key     varchar(64)  NOT NULL,
    framework_version integer      NOT NULL,
    level_code        varchar(32)  NOT NULL,
    effective_from    date         NOT NULL,
    reason            varchar(16)  NOT NULL CHECK (reason IN ('INITIAL', 'PROMOTION', 'TRANSFER', 'CORRECTION')),
    source_ref        varchar(255),
    recorded_at       timestamptz  NOT NULL,
    recorded_by       varchar(64)  NOT NULL,
    FOREIGN KEY (framework_key, framework_version) REFERENCES framework_version (framework_key, version)
);
CREATE INDEX level_assignment_person ON level_assignment (employee_id, effective_from, id);

-- refuse_rewriting_history() comes from leveling-common (db/platform); a mistake is fixed by a CORRECTION entry.
CREATE TRIGGER level_assignment_append_only BEFORE UPDATE OR DELETE ON level_assignment
    FOR EACH ROW EXECUTE FUNCTION refuse_rewriting_history();
CREATE TRIGGER level_assignment_no_truncate BEFORE TRUNCATE ON level_assignment
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_rewriting_history();

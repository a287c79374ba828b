-- Promotion cycles: planned → nominations open → in review → calibrating → closed. A closed cycle
-- is read-only; every transition is kept.
CREATE TABLE cycle (
    id                    varchar(36)  PRIMARY KEY,
    name                  varchar(200) NOT NULL,
    framework_key         varchar(64)  NOT NULL,
    org_units             jsonb        NOT NULL,
    nominations_from      date         NOT NULL,
    nominations_to        date         NOT NULL,
    review_from           date         NOT NULL,
    review_to             date         NOT NULL,
    calibration_from      date         NOT NULL,
    calibration_to        date         NOT NULL,
    state                 varchar(20)  NOT NULL
        CHECK (state IN ('PLANNED', 'NOMINATIONS_OPEN', 'IN_REVIEW', 'CALIBRATING', 'CLOSED')),
    revision              bigint       NOT NULL,
    created_at            timestamptz  NOT NULL,
    created_by            varchar(64)  NOT NULL,
    updated_at            timestamptz  NOT NULL,
    CONSTRAINT cycle_windows CHECK (nominations_from <= nominations_to AND nominations_to <= review_from
        AND review_from <= review_to AND review_to <= calibration_from AND calibration_from <= calibration_to)
);
CREATE INDEX cycle_framework ON cycle (framework_key, created_at);

CREATE TABLE cycle_transition (
    id          bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    cycle_id    varchar(36)  NOT NULL REFERENCES cycle (id),
    from_state  varchar(20),
    to_state    varchar(20)  NOT NULL,
    at          timestamptz  NOT NULL,
    by_employee varchar(64)  NOT NULL
);
CREATE INDEX cycle_transition_cycle ON cycle_transition (cycle_id, id);
CREATE TRIGGER cycle_transition_append_only BEFORE UPDATE OR DELETE ON cycle_transition
    FOR EACH ROW EXECUTE FUNCTION refuse_rewriting_history();
CREATE TRIGGER cycle_transition_no_truncate BEFORE TRUNCATE ON cycle_transition
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_rewriting_history();

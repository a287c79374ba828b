-- Nominations (cases) and the packets evidence-service assembles for them.
CREATE TABLE nomination (
    id                 varchar(36)  PRIMARY KEY,
    cycle_id           varchar(36)  NOT NULL REFERENCES cycle (id),
    candidate_id       varchar(64)  NOT NULL,
    nominator_id       varchar(64)  NOT NULL,
    framework_key      varchar(64)  NOT NULL,
    framework_version  integer      NOT NULL,
    target_level       varchar(32)  NOT NULL,
    justification      text         NOT NULL,
    status             varchar(16)  NOT NULL CHECK (status IN ('DRAFT', 'SUBMITTED', 'IN_REVIEW', 'WITHDRAWN')),
    committee_id       varchar(36)  REFERENCES committee (id),
    -- Committee members who may review this case: the committee minus everyone with a conflict.
    eligible_members   jsonb,
    revision           bigint       NOT NULL,
    created_at         timestamptz  NOT NULL,
    updated_at         timestamptz  NOT NULL,
    submitted_at       timestamptz
);
-- At most one open nomination per candidate per cycle.
CREATE UNIQUE INDEX nomination_one_open ON nomination (cycle_id, candidate_id) WHERE status <> 'WITHDRAWN';

CREATE TABLE nomination_packet (
    nomination_id    varchar(36)  PRIMARY KEY REFERENCES nomination (id),
    payload          jsonb        NOT NULL,
    received_at      timestamptz  NOT NULL,
    source_event_id  varchar(255) NOT NULL
);
-- The packet is frozen: the database refuses to change it.
CREATE TRIGGER nomination_packet_append_only BEFORE UPDATE OR DELETE ON nomination_packet
    FOR EACH ROW EXECUTE FUNCTION refuse_rewriting_history();
CREATE TRIGGER nomination_packet_no_truncate BEFORE TRUNCATE ON nomination_packet
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_rewriting_history();

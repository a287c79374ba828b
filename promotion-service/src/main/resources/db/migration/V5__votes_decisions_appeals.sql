-- Votes, immutable decisions, appeals, and the facts calibration aggregates.

ALTER TABLE nomination DROP CONSTRAINT nomination_status_check;
ALTER TABLE nomination ADD CONSTRAINT nomination_status_check
    CHECK (status IN ('DRAFT', 'SUBMITTED', 'IN_REVIEW', 'DECIDED', 'WITHDRAWN'));
-- Snapshot at submission of who the case is about, for calibration groups: later moves in the org
-- chart do not rewrite an earlier cycle's numbers.
ALTER TABLE nomination ADD COLUMN candidate_org_unit varchar(100);
ALTER TABLE nomination ADD COLUMN candidate_manager_id varchar(64);
ALTER TABLE nomination ADD COLUMN target_track varchar(32);
-- Share of the target level's competencies the packet shows as READY (0..1); null until the packet.
ALTER TABLE nomination ADD COLUMN readiness_score numeric(5, 4);
-- The member hr-admin designated to record the decision when the chair has a conflict on this case.
ALTER TABLE nomination ADD COLUMN acting_chair_id varchar(64);
-- The decision in force (the latest after appeals), its outcome and whether it overrode the votes.
ALTER TABLE nomination ADD COLUMN decision_id varchar(36);
ALTER TABLE nomination ADD COLUMN outcome varchar(16) CHECK (outcome IN ('PROMOTED', 'NOT_PROMOTED', 'DEFERRED'));
ALTER TABLE nomination ADD COLUMN override boolean;
ALTER TABLE nomination ADD COLUMN withdrawn_at timestamptz;
CREATE INDEX nomination_cycle_status ON nomination (cycle_id, status);

-- One vote per eligible member and case; changeable until the decision (then the database refuses).
CREATE TABLE vote (
    nomination_id     varchar(36)  NOT NULL REFERENCES nomination (id),
    member_id         varchar(64)  NOT NULL,
    choice            varchar(8)   NOT NULL CHECK (choice IN ('APPROVE', 'REJECT', 'ABSTAIN')),
    rationale         text         NOT NULL,
    competency_notes  jsonb        NOT NULL,
    revision          integer      NOT NULL,
    cast_at           timestamptz  NOT NULL,
    updated_at        timestamptz  NOT NULL,
    PRIMARY KEY (nomination_id, member_id)
);

CREATE TABLE decision (
    id                      varchar(36)  PRIMARY KEY,
    nomination_id           varchar(36)  NOT NULL REFERENCES nomination (id),
    cycle_id                varchar(36)  NOT NULL REFERENCES cycle (id),
    candidate_id            varchar(64)  NOT NULL,
    outcome                 varchar(16)  NOT NULL CHECK (outcome IN ('PROMOTED', 'NOT_PROMOTED', 'DEFERRED')),
    rationale               jsonb        NOT NULL,
    effective_date          date         NOT NULL,
    approvals               integer      NOT NULL,
    rejections              integer      NOT NULL,
    abstentions             integer      NOT NULL,
    majority                varchar(16)  CHECK (majority IN ('PROMOTED', 'NOT_PROMOTED')),
    override                boolean      NOT NULL,
    override_reason         text,
    decided_by              varchar(64)  NOT NULL,
    decided_at              timestamptz  NOT NULL,
    supersedes_decision_id  varchar(36)  UNIQUE REFERENCES decision (id),
    appeal_id               varchar(36),
    CONSTRAINT decision_override_explained CHECK (NOT override OR override_reason IS NOT NULL)
);
-- One original decision per case; later ones only replace an earlier one (after an upheld appeal).
CREATE UNIQUE INDEX decision_one_original ON decision (nomination_id) WHERE supersedes_decision_id IS NULL;
CREATE TRIGGER decision_append_only BEFORE UPDATE OR DELETE ON decision
    FOR EACH ROW EXECUTE FUNCTION refuse_rewriting_history();
CREATE TRIGGER decision_no_truncate BEFORE TRUNCATE ON decision
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_rewriting_history();

-- Once a case is decided its votes are part of the record: the database refuses to change them.
CREATE FUNCTION refuse_changing_decided_votes() RETURNS trigger AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM decision WHERE nomination_id = OLD.nomination_id) THEN
        RAISE EXCEPTION 'votes of decided nomination % are immutable', OLD.nomination_id
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER vote_frozen_by_decision BEFORE UPDATE OR DELETE ON vote
    FOR EACH ROW EXECUTE FUNCTION refuse_changing_decided_votes();

CREATE TABLE appeal (
    id               varchar(36)  PRIMARY KEY,
    decision_id      varchar(36)  NOT NULL UNIQUE REFERENCES decision (id),
    nomination_id    varchar(36)  NOT NULL REFERENCES nomination (id),
    appellant_id     varchar(64)  NOT NULL,
    appellant_role   varchar(16)  NOT NULL CHECK (appellant_role IN ('CANDIDATE', 'NOMINATOR')),
    reason           text         NOT NULL,
    filed_at         timestamptz  NOT NULL,
    status           varchar(16)  NOT NULL CHECK (status IN ('OPEN', 'UPHELD', 'DISMISSED')),
    decided_by       varchar(64),
    decided_at       timestamptz,
    decision_reason  text,
    new_decision_id  varchar(36)  REFERENCES decision (id)
);
-- An appeal is decided once: after that the database refuses to change it.
CREATE FUNCTION refuse_redeciding_appeals() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' OR OLD.status <> 'OPEN' THEN
        RAISE EXCEPTION 'appeal % is decided and immutable', OLD.id USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER appeal_decided_once BEFORE UPDATE OR DELETE ON appeal
    FOR EACH ROW EXECUTE FUNCTION refuse_redeciding_appeals();

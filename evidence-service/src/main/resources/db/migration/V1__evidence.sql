-- Evidence that a person operates at a level, and its attestations (manager acknowledgement or
-- challenge, peer endorsements). Narratives and comments stay in this schema: events carry none.
CREATE TABLE evidence (
    id                  varchar(36)   PRIMARY KEY,
    subject_id          varchar(64)   NOT NULL,
    author_id           varchar(64)   NOT NULL,
    framework_key       varchar(64)   NOT NULL,
    framework_version   integer       NOT NULL,
    level_code          varchar(32)   NOT NULL,
    competencies        jsonb         NOT NULL,
    kind                varchar(32)   NOT NULL,
    title               varchar(200)  NOT NULL,
    narrative           text          NOT NULL,
    impact              text,
    links               jsonb         NOT NULL,
    occurred_from       date          NOT NULL,
    occurred_to         date          NOT NULL,
    status              varchar(16)   NOT NULL,
    revision            bigint        NOT NULL,
    created_at          timestamptz   NOT NULL,
    updated_at          timestamptz   NOT NULL,
    submitted_at        timestamptz,
    -- Idempotency-Key of the POST that created it, per author, and a digest of that request's body.
    idempotency_key     varchar(255),
    request_digest      varchar(80),
    CONSTRAINT evidence_dates CHECK (occurred_from <= occurred_to),
    CONSTRAINT evidence_status CHECK (status IN ('DRAFT', 'SUBMITTED', 'ACKNOWLEDGED', 'CHALLENGED', 'WITHDRAWN'))
);
CREATE UNIQUE INDEX evidence_idempotency ON evidence (author_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
CREATE INDEX evidence_subject ON evidence (subject_id, created_at, id);

CREATE TABLE evidence_attestation (
    id            bigserial     PRIMARY KEY,
    evidence_id   varchar(36)   NOT NULL REFERENCES evidence (id),
    attester_id   varchar(64)   NOT NULL,
    kind          varchar(16)   NOT NULL CHECK (kind IN ('ACKNOWLEDGED', 'CHALLENGED', 'ENDORSED')),
    comment       text,
    created_at    timestamptz   NOT NULL
);
-- A peer endorses a piece of evidence once.
CREATE UNIQUE INDEX evidence_attestation_endorsed_once ON evidence_attestation (evidence_id, attester_id)
    WHERE kind = 'ENDORSED';
CREATE INDEX evidence_attestation_evidence ON evidence_attestation (evidence_id);

-- A manager's periodic check-in with a report: one rating per competency against a target level.
CREATE TABLE check_in (
    id                  varchar(36)   PRIMARY KEY,
    subject_id          varchar(64)   NOT NULL,
    manager_id          varchar(64)   NOT NULL,
    check_in_date       date          NOT NULL,
    notes               text          NOT NULL,
    framework_key       varchar(64)   NOT NULL,
    framework_version   integer       NOT NULL,
    target_level        varchar(32)   NOT NULL,
    ratings             jsonb         NOT NULL,
    recorded_at         timestamptz   NOT NULL
);
CREATE INDEX check_in_subject ON check_in (subject_id, check_in_date DESC, recorded_at DESC);

-- Read access a promotion committee's members have to a candidate's evidence while the nomination is
-- open (from promotion-service's events); revoked_at set when the decision is recorded.
CREATE TABLE committee_grant (
    nomination_id   varchar(64)   NOT NULL,
    member_id       varchar(64)   NOT NULL,
    candidate_id    varchar(64)   NOT NULL,
    granted_at      timestamptz   NOT NULL,
    revoked_at      timestamptz,
    PRIMARY KEY (nomination_id, member_id)
);
CREATE INDEX committee_grant_member ON committee_grant (member_id, candidate_id) WHERE revoked_at IS NULL;

-- The packet assembled for a submitted nomination: assembled once, whatever the duplicates.
CREATE TABLE packet (
    nomination_id   varchar(64)   PRIMARY KEY,
    candidate_id    varchar(64)   NOT NULL,
    payload         jsonb         NOT NULL,
    assembled_at    timestamptz   NOT NULL
);

-- Attestations, check-ins and packets are facts: never rewritten.
CREATE TRIGGER evidence_attestation_append_only BEFORE UPDATE OR DELETE ON evidence_attestation
    FOR EACH ROW EXECUTE FUNCTION refuse_rewriting_history();
CREATE TRIGGER check_in_append_only BEFORE UPDATE OR DELETE ON check_in
    FOR EACH ROW EXECUTE FUNCTION refuse_rewriting_history();
CREATE TRIGGER packet_append_only BEFORE UPDATE OR DELETE ON packet
    FOR EACH ROW EXECUTE FUNCTION refuse_rewriting_history();

-- Who vouched for which evidence (acknowledged or endorsed it), from evidence-service's events: anyone
-- who attested evidence in a case's packet has a conflict of interest on the case.
CREATE TABLE evidence_attestation (
    evidence_id      varchar(36)  NOT NULL,
    attester_id      varchar(64)  NOT NULL,
    kind             varchar(16)  NOT NULL CHECK (kind IN ('ACKNOWLEDGED', 'ENDORSED')),
    attested_at      timestamptz  NOT NULL,
    source_event_id  varchar(255) NOT NULL,
    PRIMARY KEY (evidence_id, attester_id, kind)
);

-- The evidence of each frozen packet, one row per piece, to join with the attestations.
CREATE TABLE packet_evidence (
    nomination_id  varchar(36) NOT NULL REFERENCES nomination (id),
    evidence_id    varchar(36) NOT NULL,
    PRIMARY KEY (nomination_id, evidence_id)
);
CREATE INDEX packet_evidence_by_evidence ON packet_evidence (evidence_id);
INSERT INTO packet_evidence (nomination_id, evidence_id)
SELECT DISTINCT p.nomination_id, e.piece ->> 'evidenceId'
FROM nomination_packet p, jsonb_array_elements(p.payload -> 'evidence') AS e(piece)
WHERE e.piece ->> 'evidenceId' IS NOT NULL;

-- Open cases by candidate, for re-checking conflicts when the org chart changes.
CREATE INDEX nomination_open_by_candidate ON nomination (candidate_id) WHERE status IN ('SUBMITTED', 'IN_REVIEW');

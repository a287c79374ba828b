-- Review committees of a cycle, each over some of the cycle's org units (no org unit in two
-- committees of one cycle, so every candidate has exactly one), with one chair and a quorum.
CREATE TABLE committee (
    id          varchar(36)  PRIMARY KEY,
    cycle_id    varchar(36)  NOT NULL REFERENCES cycle (id),
    name        varchar(200) NOT NULL,
    org_units   jsonb        NOT NULL,
    quorum      integer      NOT NULL CHECK (quorum >= 1),
    members     jsonb        NOT NULL,
    created_at  timestamptz  NOT NULL,
    created_by  varchar(64)  NOT NULL
);
CREATE INDEX committee_cycle ON committee (cycle_id);

-- People read model (leveling-common, location db/people-directory), fed by levels-service's
-- org.leveling.people.person-upserted.v1 events. Used by services that need manager chains.
CREATE TABLE directory_person (
    employee_id     varchar(64)  PRIMARY KEY,
    name            varchar(200) NOT NULL,
    manager_id      varchar(64),
    org_unit        varchar(100),
    job_family      varchar(64),
    track           varchar(32),
    -- The person's revision in levels-service: an older event never overwrites a newer state.
    revision        bigint       NOT NULL,
    source_event_id varchar(255) NOT NULL,
    applied_at      timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX directory_person_manager ON directory_person (manager_id);

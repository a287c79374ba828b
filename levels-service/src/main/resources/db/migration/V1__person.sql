-- The people directory: levels-service is the source of truth for who exists and who manages whom.
CREATE TABLE person (
    employee_id varchar(64)  PRIMARY KEY,
    name        varchar(200) NOT NULL,
    email       varchar(254) NOT NULL,
    -- Deferred so that a bulk import may insert a report before its manager in one transaction.
    manager_id  varchar(64)  REFERENCES person (employee_id) DEFERRABLE INITIALLY DEFERRED,
    org_unit    varchar(100),
    job_family  varchar(64),
    track       varchar(32),
    -- Incremented on every change; published with each event so consumers drop stale ones.
    revision    bigint       NOT NULL CHECK (revision > 0),
    created_at  timestamptz  NOT NULL,
    updated_at  timestamptz  NOT NULL,
    CHECK (manager_id IS NULL OR manager_id <> employee_id)
);
CREATE INDEX person_manager ON person (manager_id);

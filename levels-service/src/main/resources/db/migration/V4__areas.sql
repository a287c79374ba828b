-- Areas of Responsibility: a key area of the business with exactly one owner at a time.
CREATE TABLE area (
    area_key    varchar(64)   PRIMARY KEY,
    name        varchar(200)  NOT NULL,
    description varchar(4000),
    owner_id    varchar(64)   NOT NULL REFERENCES person (employee_id),
    revision    bigint        NOT NULL CHECK (revision > 0),
    created_at  timestamptz   NOT NULL,
    updated_at  timestamptz   NOT NULL
);
CREATE INDEX area_owner ON area (owner_id);

-- Who owned each area when: appended on every owner change, never rewritten.
CREATE TABLE area_ownership (
    id         bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    area_key   varchar(64) NOT NULL REFERENCES area (area_key),
    owner_id   varchar(64) NOT NULL REFERENCES person (employee_id),
    since      timestamptz NOT NULL,
    changed_by varchar(64) NOT NULL
);
CREATE INDEX area_ownership_area ON area_ownership (area_key, id);

-- refuse_rewriting_history() comes from leveling-common (db/platform).
CREATE TRIGGER area_ownership_append_only BEFORE UPDATE OR DELETE ON area_ownership
    FOR EACH ROW EXECUTE FUNCTION refuse_rewriting_history();
CREATE TRIGGER area_ownership_no_truncate BEFORE TRUNCATE ON area_ownership
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_rewriting_history();

-- Career frameworks (ladders): one editable draft per framework, and immutable published versions.
CREATE TABLE framework (
    framework_key  varchar(64)  PRIMARY KEY,
    name           varchar(200) NOT NULL,
    job_family     varchar(64)  NOT NULL,
    -- The whole ladder document being edited; always valid (every write is validated whole).
    draft          jsonb        NOT NULL,
    -- Incremented on every draft write; the draft's ETag.
    draft_revision bigint       NOT NULL CHECK (draft_revision > 0),
    latest_version integer      NOT NULL DEFAULT 0,
    created_at     timestamptz  NOT NULL,
    updated_at     timestamptz  NOT NULL
);

CREATE TABLE framework_version (
    framework_key varchar(64) NOT NULL REFERENCES framework (framework_key),
    version       integer     NOT NULL CHECK (version > 0),
    document      jsonb       NOT NULL,
    published_at  timestamptz NOT NULL,
    published_by  varchar(64) NOT NULL,
    retired_at    timestamptz,
    PRIMARY KEY (framework_key, version)
);

-- A published version never changes: only its retirement may be recorded, once.
CREATE FUNCTION framework_version_is_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('DELETE', 'TRUNCATE') THEN
        RAISE EXCEPTION 'published framework versions cannot be deleted' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NEW.framework_key <> OLD.framework_key OR NEW.version <> OLD.version OR NEW.document <> OLD.document
       OR NEW.published_at <> OLD.published_at OR NEW.published_by <> OLD.published_by
       OR OLD.retired_at IS NOT NULL THEN
        RAISE EXCEPTION 'published framework versions are immutable' USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER framework_version_immutable BEFORE UPDATE OR DELETE ON framework_version
    FOR EACH ROW EXECUTE FUNCTION framework_version_is_immutable();
CREATE TRIGGER framework_version_no_truncate BEFORE TRUNCATE ON framework_version
    FOR EACH STATEMENT EXECUTE FUNCTION framework_version_is_immutable();

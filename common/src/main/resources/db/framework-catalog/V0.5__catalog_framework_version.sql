-- Framework read model (leveling-common, location db/framework-catalog), fed by levels-service's
-- framework-published.v1 and framework-retired.v1 events. Published documents never change; only
-- retired_at is ever set, once.
CREATE TABLE catalog_framework_version (
    framework_key   varchar(64)  NOT NULL,
    version         integer      NOT NULL,
    name            varchar(200) NOT NULL,
    job_family      varchar(64),
    document        jsonb        NOT NULL,
    published_at    timestamptz  NOT NULL,
    retired_at      timestamptz,
    source_event_id varchar(255) NOT NULL,
    applied_at      timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (framework_key, version)
);

-- Level history as the people read model keeps it (leveling-common, location db/people-directory),
-- from levels-service's org.leveling.people.level-changed.v1 events: one row per history entry, so a
-- person's level on any date is the latest entry effective by then, as in levels-service.
CREATE TABLE directory_level (
    employee_id       varchar(64)  NOT NULL,
    history_entry_id  bigint       NOT NULL,
    framework_key     varchar(64)  NOT NULL,
    framework_version integer      NOT NULL,
    level_code        varchar(32)  NOT NULL,
    effective_from    date         NOT NULL,
    reason            varchar(32)  NOT NULL,
    source_event_id   varchar(255) NOT NULL,
    PRIMARY KEY (employee_id, history_entry_id)
);

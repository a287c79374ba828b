-- Calibration numbers kept up to date in the transaction of every change that moves them (submission,
-- packet, withdrawal, decision), one row per cycle and group: reading a cycle's calibration then costs
-- a few thousand rows however many cases it has. The cases stay the source of truth:
-- POST /api/v1/cycles/{id}/calibration/rebuild recomputes a cycle's rows from them.
CREATE TABLE calibration_group (
    cycle_id         varchar(36)    NOT NULL REFERENCES cycle (id),
    dimension        varchar(16)    NOT NULL CHECK (dimension IN ('overall', 'orgUnit', 'targetLevel', 'track', 'manager')),
    -- '' for overall; '(unknown)' when the case had no value.
    group_key        varchar(100)   NOT NULL,
    nominations      bigint         NOT NULL,
    decided          bigint         NOT NULL,
    promoted         bigint         NOT NULL,
    not_promoted     bigint         NOT NULL,
    deferred         bigint         NOT NULL,
    overrides        bigint         NOT NULL,
    readiness_sum    numeric(16, 4) NOT NULL,
    readiness_count  bigint         NOT NULL,
    PRIMARY KEY (cycle_id, dimension, group_key)
);

INSERT INTO calibration_group
SELECT cycle_id,
       CASE GROUPING(candidate_org_unit, target_level, target_track, candidate_manager_id)
           WHEN 15 THEN 'overall' WHEN 7 THEN 'orgUnit' WHEN 11 THEN 'targetLevel' WHEN 13 THEN 'track'
           ELSE 'manager' END,
       CASE GROUPING(candidate_org_unit, target_level, target_track, candidate_manager_id)
           WHEN 15 THEN '' WHEN 7 THEN coalesce(candidate_org_unit, '(unknown)')
           WHEN 11 THEN coalesce(target_level, '(unknown)') WHEN 13 THEN coalesce(target_track, '(unknown)')
           ELSE coalesce(candidate_manager_id, '(unknown)') END,
       count(*), count(outcome), count(*) FILTER (WHERE outcome = 'PROMOTED'),
       count(*) FILTER (WHERE outcome = 'NOT_PROMOTED'), count(*) FILTER (WHERE outcome = 'DEFERRED'),
       count(*) FILTER (WHERE override), coalesce(sum(readiness_score), 0), count(readiness_score)
FROM nomination
WHERE submitted_at IS NOT NULL AND status <> 'WITHDRAWN'
GROUP BY GROUPING SETS ((cycle_id), (cycle_id, candidate_org_unit), (cycle_id, target_level),
                        (cycle_id, target_track), (cycle_id, candidate_manager_id));

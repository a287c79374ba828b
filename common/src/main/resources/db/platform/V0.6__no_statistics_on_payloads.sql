-- The outbox payload and the audit trail's before/after states are never filtered, joined or sorted on,
-- so the planner has no use for statistics about them; yet every ANALYZE of these append-heavy tables
-- read and compared their JSON values. Autovacuum analyzes a table after each tenth of it changed:
-- while the tables are young, every 20-40 s at a few hundred writes/s, taking CPU from the requests
-- being served (docs/benchmarks.md, evidence intake). Measured on 180,000-row tables (PostgreSQL 15,
-- four runs each): ANALYZE outbox_event 380-610 -> 200-270 ms, audit_log 400-480 -> 290-310 ms.
ALTER TABLE outbox_event ALTER COLUMN payload SET STATISTICS 0;
ALTER TABLE audit_log ALTER COLUMN before_state SET STATISTICS 0;
ALTER TABLE audit_log ALTER COLUMN after_state SET STATISTICS 0;

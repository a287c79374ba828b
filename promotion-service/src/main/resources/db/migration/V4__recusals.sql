-- A committee member's declared recusal from one case: they neither vote on it nor see its votes.
CREATE TABLE recusal (
    id             bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    committee_id   varchar(36)  NOT NULL REFERENCES committee (id),
    nomination_id  varchar(36)  NOT NULL REFERENCES nomination (id),
    member_id      varchar(64)  NOT NULL,
    reason         text         NOT NULL,
    declared_at    timestamptz  NOT NULL,
    UNIQUE (nomination_id, member_id)
);
CREATE TRIGGER recusal_append_only BEFORE UPDATE OR DELETE ON recusal
    FOR EACH ROW EXECUTE FUNCTION refuse_rewriting_history();
CREATE TRIGGER recusal_no_truncate BEFORE TRUNCATE ON recusal
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_rewriting_history();

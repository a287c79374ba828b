-- Messaging tables every service has in its own schema (leveling-common, location db/platform).

-- Transactional outbox. The first six columns follow Debezium's outbox layout, so a deployment can
-- replace the built-in relay with Debezium's outbox event router without touching the services.
CREATE TABLE outbox_event (
    id            uuid         PRIMARY KEY,
    aggregatetype varchar(255) NOT NULL,
    aggregateid   varchar(255) NOT NULL,
    type          varchar(255) NOT NULL,
    payload       jsonb        NOT NULL,
    "timestamp"   timestamptz  NOT NULL,
    -- What the built-in relay needs: the target topic, the write order, and what was sent.
    topic         varchar(249) NOT NULL,
    seq           bigint       GENERATED ALWAYS AS IDENTITY UNIQUE,
    sent_at       timestamptz
);
CREATE INDEX outbox_event_unsent ON outbox_event (seq) WHERE sent_at IS NULL;
CREATE INDEX outbox_event_sent_at ON outbox_event (sent_at) WHERE sent_at IS NOT NULL;

-- Inbox: ids of the events this service has applied (or deliberately ignored), written in the
-- same transaction as the effect, so a redelivered event is recognised and skipped.
CREATE TABLE inbox_processed_event (
    event_id     varchar(255) PRIMARY KEY,
    type         varchar(255) NOT NULL,
    source       varchar(255) NOT NULL,
    topic        varchar(249) NOT NULL,
    kafka_partition integer   NOT NULL,
    kafka_offset bigint       NOT NULL,
    outcome      varchar(16)  NOT NULL CHECK (outcome IN ('APPLIED', 'IGNORED')),
    processed_at timestamptz  NOT NULL DEFAULT now()
);

-- Events that could not be read or applied after retries, kept with the reason for an operator.
CREATE TABLE inbox_parked_event (
    id              bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id        varchar(255),
    type            varchar(255),
    topic           varchar(249) NOT NULL,
    kafka_partition integer      NOT NULL,
    kafka_offset    bigint       NOT NULL,
    record_key      text,
    headers         jsonb        NOT NULL,
    payload         text,
    reason          text         NOT NULL,
    attempts        integer      NOT NULL,
    parked_at       timestamptz  NOT NULL DEFAULT now(),
    UNIQUE (topic, kafka_partition, kafka_offset)
);

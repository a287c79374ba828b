-- The W3C trace context (traceparent, tracestate) of the change that wrote the row, as Java properties
-- text: the relay continues that trace when it publishes the row, and the column has the name and form
-- Debezium's outbox event router reads for the same purpose. Null when the change ran outside a trace.
ALTER TABLE outbox_event ADD COLUMN tracingspancontext varchar(512);

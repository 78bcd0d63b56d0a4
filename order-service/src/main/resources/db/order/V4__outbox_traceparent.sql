-- The W3C trace context (traceparent header) of the request or job that wrote the event. The outbox relay sends the
-- event inside that trace, so its consumers' spans join the trace of the request (docs/observability.md). NULL when
-- nothing was being traced.
ALTER TABLE outbox_event ADD COLUMN traceparent VARCHAR(55) CHARACTER SET ascii COLLATE ascii_bin NULL;

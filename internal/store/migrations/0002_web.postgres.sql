-- 0002: indexes for the JSON API and the web pages.
--
-- events_order serves the newest-first event listing without sorting.
CREATE INDEX events_order ON events (date DESC NULLS LAST, doc_id, ord);

-- events_pair serves a dyad in both directions as one range: the lesser
-- and the greater country of the pair. Queries must spell the expressions
-- exactly like this. It covers the columns of summaries and time series.
CREATE INDEX events_pair ON events (
    LEAST(source_country, target_country), GREATEST(source_country, target_country),
    date DESC NULLS LAST, doc_id, ord
) INCLUDE (quad_class, goldstein, plover_event, reciprocal, source_country);

CREATE INDEX events_plover ON events (plover_event, date);

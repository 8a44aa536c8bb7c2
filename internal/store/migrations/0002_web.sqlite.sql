-- 0002: indexes for the JSON API and the web pages.
--
-- events_order serves the newest-first event listing (undated rows sort
-- lowest in SQLite, so last when descending) without sorting the table.
CREATE INDEX events_order ON events (date DESC, doc_id, ord);

-- events_pair serves a dyad in both directions as one range: the lesser
-- and the greater country of the pair. Queries must spell the expressions
-- exactly like this. It also covers the columns of dyad summaries and
-- time series, so those never read the table.
CREATE INDEX events_pair ON events (
    min(source_country, target_country), max(source_country, target_country),
    date DESC, doc_id, ord, quad_class, goldstein, plover_event, reciprocal, source_country
);

CREATE INDEX events_plover ON events (plover_event, date);

-- 0004: newest-first event listings of one country on either side.
--
-- An actor filter reads the source side and the target side separately,
-- each in index order, and merges them, instead of sorting every event of
-- the country.
CREATE INDEX events_source_order ON events (source_country, date DESC NULLS LAST, doc_id, ord);
CREATE INDEX events_target_order ON events (target_country, date DESC NULLS LAST, doc_id, ord);

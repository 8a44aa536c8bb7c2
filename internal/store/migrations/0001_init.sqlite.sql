-- 0001: the initial schema.
--
-- documents holds one row per ingested article. Its rowid is an explicit
-- INTEGER PRIMARY KEY (seq) because the full-text index refers to documents
-- by rowid, and SQLite may renumber the implicit rowid of a table without
-- one on VACUUM; the public identifier is the unique text id.
CREATE TABLE documents (
    seq            INTEGER PRIMARY KEY,
    id             TEXT    NOT NULL UNIQUE,
    url            TEXT    NOT NULL DEFAULT '',
    title          TEXT    NOT NULL DEFAULT '',
    source         TEXT    NOT NULL DEFAULT '',
    published      TEXT,                         -- YYYY-MM-DD, NULL when unknown
    kind           TEXT    NOT NULL DEFAULT '',
    origin         TEXT    NOT NULL DEFAULT '',
    body           TEXT    NOT NULL,
    sentence_count INTEGER NOT NULL DEFAULT 0,
    content_hash   TEXT    NOT NULL,             -- article.ContentID(body)
    warnings       TEXT,                         -- JSON array of strings, NULL when none
    annotations    TEXT,                         -- JSON text layer, NULL when none
    ingested_at    TEXT    NOT NULL              -- RFC 3339, UTC
);

-- One stored copy per text: the same body under another id is a duplicate.
CREATE UNIQUE INDEX documents_content_hash ON documents (content_hash);
CREATE INDEX documents_published ON documents (published, id);
CREATE INDEX documents_source ON documents (source, published);

-- Full-text index over title and body, with documents as external content.
-- The triggers keep it in step with every insert, update and delete, so a
-- forced re-ingest (delete + insert in one transaction) cannot leave stale
-- index entries behind.
CREATE VIRTUAL TABLE documents_fts USING fts5 (
    title, body,
    content = 'documents', content_rowid = 'seq',
    tokenize = 'porter unicode61 remove_diacritics 2'
);

CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts (rowid, title, body) VALUES (new.seq, new.title, new.body);
END;

CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts (documents_fts, rowid, title, body)
    VALUES ('delete', old.seq, old.title, old.body);
END;

CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, body ON documents BEGIN
    INSERT INTO documents_fts (documents_fts, rowid, title, body)
    VALUES ('delete', old.seq, old.title, old.body);
    INSERT INTO documents_fts (rowid, title, body) VALUES (new.seq, new.title, new.body);
END;

-- events: one row per coded event. ord is the event's position in its
-- document's record, so (doc_id, ord) is the key whatever ids the coder
-- gives; record holds the full record.Event as JSON and is what readers
-- return; the other columns exist to filter and sort.
CREATE TABLE events (
    doc_id           TEXT    NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    ord              INTEGER NOT NULL,
    id               TEXT    NOT NULL DEFAULT '',
    sentence         INTEGER NOT NULL DEFAULT 0,
    span_start       INTEGER NOT NULL DEFAULT 0,
    span_end         INTEGER NOT NULL DEFAULT 0,
    source_code      TEXT,
    source_country   TEXT,
    source_sector    TEXT,
    source_name      TEXT,
    target_code      TEXT,
    target_country   TEXT,
    target_sector    TEXT,
    target_name      TEXT,
    reciprocal       INTEGER NOT NULL DEFAULT 0,
    cameo            TEXT    NOT NULL DEFAULT '',
    cameo_root       TEXT    NOT NULL DEFAULT '',
    quad_class       INTEGER NOT NULL DEFAULT 0,
    goldstein        REAL    NOT NULL DEFAULT 0,
    plover_event     TEXT    NOT NULL DEFAULT '',
    plover_mode      TEXT    NOT NULL DEFAULT '',
    status           TEXT    NOT NULL DEFAULT '',
    date             TEXT,                       -- YYYY-MM-DD at day precision, else NULL
    date_precision   TEXT    NOT NULL DEFAULT '',
    period           TEXT    NOT NULL DEFAULT '',
    location_name    TEXT,
    location_country TEXT,
    location_lat     REAL,
    location_lon     REAL,
    evidence_text    TEXT    NOT NULL DEFAULT '',
    trigger_text     TEXT    NOT NULL DEFAULT '',
    record           TEXT    NOT NULL,           -- JSON record.Event
    PRIMARY KEY (doc_id, ord)
);

-- The dyad index serves both directions of a dyad filter and the source
-- side of an actor filter; the target side needs its own.
CREATE INDEX events_dyad ON events (source_country, target_country, date);
CREATE INDEX events_target ON events (target_country, date);
CREATE INDEX events_source_code ON events (source_code);
CREATE INDEX events_target_code ON events (target_code);
CREATE INDEX events_cameo ON events (cameo, date);
CREATE INDEX events_root ON events (cameo_root, date);
CREATE INDEX events_date ON events (date);

-- meetings: parties is the sorted party list as ",USA,RUS," so that a
-- party filter is a portable LIKE '%,USA,%'.
CREATE TABLE meetings (
    doc_id         TEXT    NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    ord            INTEGER NOT NULL,
    id             TEXT    NOT NULL DEFAULT '',
    kind           TEXT    NOT NULL DEFAULT '',
    date           TEXT,
    date_precision TEXT    NOT NULL DEFAULT '',
    place          TEXT    NOT NULL DEFAULT '',
    country        TEXT    NOT NULL DEFAULT '',
    parties        TEXT    NOT NULL DEFAULT '',
    record         TEXT    NOT NULL,             -- JSON record.Meeting
    PRIMARY KEY (doc_id, ord)
);
CREATE INDEX meetings_date ON meetings (date);
CREATE INDEX meetings_country ON meetings (country, date);

CREATE TABLE quotes (
    doc_id          TEXT    NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    ord             INTEGER NOT NULL,
    speaker_name    TEXT    NOT NULL DEFAULT '',
    speaker_country TEXT    NOT NULL DEFAULT '',
    speaker_sector  TEXT    NOT NULL DEFAULT '',
    sentence        INTEGER NOT NULL DEFAULT 0,
    record          TEXT    NOT NULL,            -- JSON record.Quote
    PRIMARY KEY (doc_id, ord)
);
CREATE INDEX quotes_speaker_country ON quotes (speaker_country);
CREATE INDEX quotes_speaker_name ON quotes (speaker_name);

CREATE TABLE measures (
    doc_id          TEXT    NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    ord             INTEGER NOT NULL,
    id              TEXT    NOT NULL DEFAULT '',
    by_country      TEXT    NOT NULL DEFAULT '',
    against_country TEXT    NOT NULL DEFAULT '',
    kind            TEXT    NOT NULL DEFAULT '',
    reversal        INTEGER NOT NULL DEFAULT 0,
    date            TEXT,
    date_precision  TEXT    NOT NULL DEFAULT '',
    record          TEXT    NOT NULL,            -- JSON record.Measure
    PRIMARY KEY (doc_id, ord)
);
CREATE INDEX measures_dyad ON measures (by_country, against_country, date);
CREATE INDEX measures_against ON measures (against_country, date);
CREATE INDEX measures_kind ON measures (kind, date);

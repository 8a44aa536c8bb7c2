-- 0001: the initial schema (PostgreSQL twin of 0001_init.sqlite.sql).
--
-- Same tables, columns and indexes as the SQLite file. The differences are
-- dialect only: BIGSERIAL for seq, BOOLEAN and DOUBLE PRECISION types,
-- JSONB for JSON, and full-text search through a generated tsvector column
-- with a GIN index instead of an FTS5 table with triggers.
CREATE TABLE documents (
    seq            BIGSERIAL PRIMARY KEY,
    id             TEXT    NOT NULL UNIQUE,
    url            TEXT    NOT NULL DEFAULT '',
    title          TEXT    NOT NULL DEFAULT '',
    source         TEXT    NOT NULL DEFAULT '',
    published      TEXT,
    kind           TEXT    NOT NULL DEFAULT '',
    origin         TEXT    NOT NULL DEFAULT '',
    body           TEXT    NOT NULL,
    sentence_count INTEGER NOT NULL DEFAULT 0,
    content_hash   TEXT    NOT NULL,
    warnings       JSONB,
    annotations    JSONB,
    ingested_at    TEXT    NOT NULL,
    search         TSVECTOR GENERATED ALWAYS AS (
        setweight(to_tsvector('english', title), 'A') || to_tsvector('english', body)
    ) STORED
);

CREATE UNIQUE INDEX documents_content_hash ON documents (content_hash);
CREATE INDEX documents_published ON documents (published, id);
CREATE INDEX documents_source ON documents (source, published);
CREATE INDEX documents_search ON documents USING GIN (search);

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
    reciprocal       BOOLEAN NOT NULL DEFAULT FALSE,
    cameo            TEXT    NOT NULL DEFAULT '',
    cameo_root       TEXT    NOT NULL DEFAULT '',
    quad_class       INTEGER NOT NULL DEFAULT 0,
    goldstein        DOUBLE PRECISION NOT NULL DEFAULT 0,
    plover_event     TEXT    NOT NULL DEFAULT '',
    plover_mode      TEXT    NOT NULL DEFAULT '',
    status           TEXT    NOT NULL DEFAULT '',
    date             TEXT,
    date_precision   TEXT    NOT NULL DEFAULT '',
    period           TEXT    NOT NULL DEFAULT '',
    location_name    TEXT,
    location_country TEXT,
    location_lat     DOUBLE PRECISION,
    location_lon     DOUBLE PRECISION,
    evidence_text    TEXT    NOT NULL DEFAULT '',
    trigger_text     TEXT    NOT NULL DEFAULT '',
    record           JSONB   NOT NULL,
    PRIMARY KEY (doc_id, ord)
);

CREATE INDEX events_dyad ON events (source_country, target_country, date);
CREATE INDEX events_target ON events (target_country, date);
CREATE INDEX events_source_code ON events (source_code);
CREATE INDEX events_target_code ON events (target_code);
CREATE INDEX events_cameo ON events (cameo, date);
CREATE INDEX events_root ON events (cameo_root, date);
CREATE INDEX events_date ON events (date);

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
    record         JSONB   NOT NULL,
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
    record          JSONB   NOT NULL,
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
    reversal        BOOLEAN NOT NULL DEFAULT FALSE,
    date            TEXT,
    date_precision  TEXT    NOT NULL DEFAULT '',
    record          JSONB   NOT NULL,
    PRIMARY KEY (doc_id, ord)
);
CREATE INDEX measures_dyad ON measures (by_country, against_country, date);
CREATE INDEX measures_against ON measures (against_country, date);
CREATE INDEX measures_kind ON measures (kind, date);

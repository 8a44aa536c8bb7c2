-- 0003: issue-dossier updates (record.IssueUpdate), one row per update a
-- document reports. party_a and party_b are the pair sorted, so a dyad
-- lookup is one equality on both columns whatever order the user gives.
CREATE TABLE issues (
    doc_id         TEXT    NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    ord            INTEGER NOT NULL,
    topic          TEXT    NOT NULL DEFAULT '',
    party_a        TEXT    NOT NULL DEFAULT '',
    party_b        TEXT    NOT NULL DEFAULT '',
    status         TEXT    NOT NULL DEFAULT '',
    date           TEXT,                         -- YYYY-MM-DD at day precision, else NULL
    cause          TEXT    NOT NULL DEFAULT '',
    record         TEXT    NOT NULL,             -- JSON record.IssueUpdate
    PRIMARY KEY (doc_id, ord)
);
CREATE INDEX issues_pair ON issues (party_a, party_b, topic, date);

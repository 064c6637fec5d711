#include "schema.h"

#include "figures.h"

#include <fmt/format.h>

namespace claimtrack::db {

namespace {

// Version 1: articles, claims anchored in code points, sources, metrics, tags.
constexpr const char* kVersion1 = R"sql(
CREATE TABLE article (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    title       TEXT NOT NULL,
    author      TEXT,
    publisher   TEXT,
    url         TEXT,
    published   TEXT,                 -- YYYY, YYYY-MM or YYYY-MM-DD
    imported_at TEXT NOT NULL,        -- ISO 8601 UTC
    text        TEXT NOT NULL,        -- NFC, LF line endings; never changes under its claims
    sha256      TEXT NOT NULL UNIQUE, -- of text; the same text imported twice is one article
    length      INTEGER NOT NULL CHECK (length > 0)  -- code points
);

CREATE TABLE source (
    id    INTEGER PRIMARY KEY,
    uuid  TEXT NOT NULL UNIQUE,
    name  TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (name <> ''),
    kind  TEXT CHECK (kind IN ('person', 'organisation', 'publication', 'report')),
    note  TEXT
);

CREATE TABLE metric (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (name <> ''),
    description TEXT
);

CREATE TABLE tag (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (name <> '')
);

-- start/end are code points into article.text, half-open:
-- substr(article.text, start + 1, end - start) = quote.
CREATE TABLE claim (
    id         INTEGER PRIMARY KEY,
    uuid       TEXT NOT NULL UNIQUE,
    article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
    start      INTEGER NOT NULL,
    end        INTEGER NOT NULL,
    quote      TEXT NOT NULL,
    prefix     TEXT NOT NULL,
    suffix     TEXT NOT NULL,
    value      REAL,
    low        REAL,
    high       REAL,
    unit       TEXT,
    metric_id  INTEGER REFERENCES metric(id),
    source_id  INTEGER REFERENCES source(id),
    as_of      TEXT,
    status     TEXT NOT NULL DEFAULT 'unverified'
               CHECK (status IN ('unverified', 'supported', 'disputed', 'refuted')),
    note       TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK (start >= 0 AND end > start),
    CHECK (low IS NULL OR high IS NULL OR low <= high)
);
CREATE INDEX claim_by_article ON claim(article_id, start);
CREATE INDEX claim_by_metric ON claim(metric_id);
CREATE INDEX claim_by_source ON claim(source_id);

CREATE TABLE claim_tag (
    claim_id INTEGER NOT NULL REFERENCES claim(id) ON DELETE CASCADE,
    tag_id   INTEGER NOT NULL REFERENCES tag(id),
    PRIMARY KEY (claim_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX claim_tag_by_tag ON claim_tag(tag_id);
)sql";

// Version 2: figures the finder proposes, waiting for the researcher to accept or reject them.
constexpr const char* kVersion2 = R"sql(
CREATE TABLE suggestion (
    id          INTEGER PRIMARY KEY,
    article_id  INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
    start       INTEGER NOT NULL,
    end         INTEGER NOT NULL,
    quote       TEXT NOT NULL,
    prefix      TEXT NOT NULL,
    suffix      TEXT NOT NULL,
    value       REAL,
    low         REAL,
    high        REAL,
    approximate INTEGER NOT NULL DEFAULT 0,
    unit        TEXT,
    kind        TEXT NOT NULL,
    subject     TEXT,
    source      TEXT,
    time        TEXT,
    state       TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'rejected')),
    UNIQUE (article_id, start, end),
    CHECK (start >= 0 AND end > start)
);
)sql";

// Version 3: what a metric measures and how strictly its figures are
// compared; whether a claim's figure is hedged ("about"); the researcher's
// verdicts on conflicting figures.
constexpr const char* kVersion3 = R"sql(
ALTER TABLE metric ADD COLUMN unit_kind TEXT
    CHECK (unit_kind IN ('count', 'percent', 'money', 'duration', 'score'));
ALTER TABLE metric ADD COLUMN place TEXT;
ALTER TABLE metric ADD COLUMN population TEXT;
-- How far an approximate figure reaches either side, as a fraction; NULL: the default (0.05).
ALTER TABLE metric ADD COLUMN tolerance REAL CHECK (tolerance >= 0 AND tolerance < 1);

-- Derived from the quote and the words before it when the anchor is written.
ALTER TABLE claim ADD COLUMN approximate INTEGER NOT NULL DEFAULT 0;

-- A verdict names one claim of each side of a conflict; it stays with those
-- claims' figures, whichever claims later repeat them. No foreign keys: a
-- verdict outlives a deleted claim, so undoing the delete brings both back.
CREATE TABLE verdict (
    id         INTEGER PRIMARY KEY,
    uuid       TEXT NOT NULL UNIQUE,
    claim_a    INTEGER NOT NULL,
    claim_b    INTEGER NOT NULL,
    supported  INTEGER,               -- claim_a or claim_b; NULL: both stand (different definitions)
    note       TEXT,
    created_at TEXT NOT NULL,
    UNIQUE (claim_a, claim_b),
    CHECK (claim_a < claim_b),
    CHECK (supported IS NULL OR supported IN (claim_a, claim_b))
);
)sql";

// Version 4: articles from other formats, with the file each came from; and full-text search over
// article titles and texts and over claim fields. Triggers keep
// both indexes in step with the data, inside the transaction that changes it. Words are matched
// without case or diacritics ("cafe" finds "café").
constexpr const char* kVersion4 = R"sql(
ALTER TABLE article ADD COLUMN format TEXT NOT NULL DEFAULT 'text'
    CHECK (format IN ('text', 'markdown', 'html', 'pdf'));
ALTER TABLE article ADD COLUMN encoding TEXT;  -- the file's, as detected: 'UTF-8', 'WINDOWS-1252', ...

-- The file an article was imported from, as it was: its bytes, or (the user's choice) where it was.
CREATE TABLE article_original (
    article_id INTEGER PRIMARY KEY REFERENCES article(id) ON DELETE CASCADE,
    file_name  TEXT NOT NULL,
    size       INTEGER NOT NULL CHECK (size >= 0),
    sha256     TEXT NOT NULL,
    bytes      BLOB,
    path       TEXT,
    CHECK (bytes IS NOT NULL OR path IS NOT NULL)
);
CREATE INDEX article_original_by_hash ON article_original(sha256);

-- Where each page of a PDF begins, in code points of article.text.
CREATE TABLE article_page (
    article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
    page       INTEGER NOT NULL CHECK (page >= 1),
    start      INTEGER NOT NULL CHECK (start >= 0),
    PRIMARY KEY (article_id, page)
) WITHOUT ROWID;

CREATE VIRTUAL TABLE article_search USING fts5(
    title, text, content = 'article', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2');
INSERT INTO article_search (article_search) VALUES ('rebuild');
CREATE TRIGGER article_search_insert AFTER INSERT ON article BEGIN
    INSERT INTO article_search (rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER article_search_delete AFTER DELETE ON article BEGIN
    INSERT INTO article_search (article_search, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
END;
CREATE TRIGGER article_search_update AFTER UPDATE OF title, text ON article BEGIN
    INSERT INTO article_search (article_search, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
    INSERT INTO article_search (rowid, title, text) VALUES (new.id, new.title, new.text);
END;

-- A claim's words with the names of its metric, source and tags, which live in other tables: so
-- this index keeps its own copy (rowid = claim id).
CREATE VIRTUAL TABLE claim_search USING fts5(
    quote, note, metric, source, tags, tokenize = 'unicode61 remove_diacritics 2');
CREATE VIEW claim_search_row (id, quote, note, metric, source, tags) AS
    SELECT c.id, c.quote, coalesce(c.note, ''),
           coalesce((SELECT name FROM metric WHERE id = c.metric_id), ''),
           coalesce((SELECT name FROM source WHERE id = c.source_id), ''),
           coalesce((SELECT group_concat(t.name, '; ') FROM claim_tag ct JOIN tag t ON t.id = ct.tag_id
                     WHERE ct.claim_id = c.id), '')
    FROM claim c;
INSERT INTO claim_search (rowid, quote, note, metric, source, tags) SELECT * FROM claim_search_row;
CREATE TRIGGER claim_search_insert AFTER INSERT ON claim BEGIN
    INSERT INTO claim_search (rowid, quote, note, metric, source, tags)
        SELECT * FROM claim_search_row WHERE id = new.id;
END;
CREATE TRIGGER claim_search_delete AFTER DELETE ON claim BEGIN
    DELETE FROM claim_search WHERE rowid = old.id;
END;
CREATE TRIGGER claim_search_update AFTER UPDATE OF quote, note, metric_id, source_id ON claim BEGIN
    DELETE FROM claim_search WHERE rowid = old.id;
    INSERT INTO claim_search (rowid, quote, note, metric, source, tags)
        SELECT * FROM claim_search_row WHERE id = new.id;
END;
CREATE TRIGGER claim_search_tag_added AFTER INSERT ON claim_tag BEGIN
    DELETE FROM claim_search WHERE rowid = new.claim_id;
    INSERT INTO claim_search (rowid, quote, note, metric, source, tags)
        SELECT * FROM claim_search_row WHERE id = new.claim_id;
END;
CREATE TRIGGER claim_search_tag_removed AFTER DELETE ON claim_tag BEGIN
    DELETE FROM claim_search WHERE rowid = old.claim_id;
    INSERT INTO claim_search (rowid, quote, note, metric, source, tags)
        SELECT * FROM claim_search_row WHERE id = old.claim_id;
END;
CREATE TRIGGER claim_search_metric_renamed AFTER UPDATE OF name ON metric BEGIN
    UPDATE claim_search SET metric = new.name WHERE rowid IN (SELECT id FROM claim WHERE metric_id = new.id);
END;
CREATE TRIGGER claim_search_source_renamed AFTER UPDATE OF name ON source BEGIN
    UPDATE claim_search SET source = new.name WHERE rowid IN (SELECT id FROM claim WHERE source_id = new.id);
END;
)sql";

// Version 5: the search's claim filters find their articles through covering indexes, so a filter on a
// million claims reads only an index: a metric's or a source's articles (the value, then the article),
// and whether an article has a claim of a status (the article, then the status).
constexpr const char* kVersion5 = R"sql(
DROP INDEX claim_by_metric;
DROP INDEX claim_by_source;
CREATE INDEX claim_by_metric ON claim(metric_id, article_id);
CREATE INDEX claim_by_source ON claim(source_id, article_id);
CREATE INDEX claim_by_article_status ON claim(article_id, status);
)sql";

// Version 6: the search's article filters (publisher, dates) are read from a covering index, not from
// the article rows, each of which starts a page of its own beside its text; by date first, as the
// filter-only search lists articles newest first. A rare status (few claims have it) is a set of claims
// with their articles, read from an index of its own.
constexpr const char* kVersion6 = R"sql(
CREATE INDEX article_by_date ON article(published, publisher);
CREATE INDEX claim_by_status ON claim(status, article_id);
)sql";

// Version 7: the researcher's memos, on the project and on each article, the article's searched with its
// title and text (the index is made again with a third column); a tag renamed is renamed in the claim
// index too, as metrics and sources are.
constexpr const char* kVersion7 = R"sql(
ALTER TABLE article ADD COLUMN memo TEXT;
CREATE TABLE project_memo (
    id   INTEGER PRIMARY KEY CHECK (id = 1),  -- one row: the project's memo
    text TEXT NOT NULL
);

DROP TRIGGER article_search_insert;
DROP TRIGGER article_search_delete;
DROP TRIGGER article_search_update;
DROP TABLE article_search;
CREATE VIRTUAL TABLE article_search USING fts5(
    title, text, memo, content = 'article', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2');
INSERT INTO article_search (article_search) VALUES ('rebuild');
CREATE TRIGGER article_search_insert AFTER INSERT ON article BEGIN
    INSERT INTO article_search (rowid, title, text, memo) VALUES (new.id, new.title, new.text, new.memo);
END;
CREATE TRIGGER article_search_delete AFTER DELETE ON article BEGIN
    INSERT INTO article_search (article_search, rowid, title, text, memo)
        VALUES ('delete', old.id, old.title, old.text, old.memo);
END;
CREATE TRIGGER article_search_update AFTER UPDATE OF title, text, memo ON article BEGIN
    INSERT INTO article_search (article_search, rowid, title, text, memo)
        VALUES ('delete', old.id, old.title, old.text, old.memo);
    INSERT INTO article_search (rowid, title, text, memo) VALUES (new.id, new.title, new.text, new.memo);
END;

CREATE TRIGGER claim_search_tag_renamed AFTER UPDATE OF name ON tag BEGIN
    DELETE FROM claim_search WHERE rowid IN (SELECT claim_id FROM claim_tag WHERE tag_id = new.id);
    INSERT INTO claim_search (rowid, quote, note, metric, source, tags)
        SELECT * FROM claim_search_row WHERE id IN (SELECT claim_id FROM claim_tag WHERE tag_id = new.id);
END;
)sql";

// Version 8: what publishing fact-checks needs: the project's settings (who publishes its reviews), and
// for each metric where its fact-check is published and on what day.
constexpr const char* kVersion8 = R"sql(
CREATE TABLE project_setting (
    name  TEXT PRIMARY KEY CHECK (name <> ''),
    value TEXT NOT NULL
);
ALTER TABLE metric ADD COLUMN fact_check_url TEXT;
ALTER TABLE metric ADD COLUMN reviewed TEXT;  -- YYYY-MM-DD: the day its fact-check was published
)sql";

// Version 9: the history of every change to a claim, a source, a metric or a verdict: when, by whom, which
// field, the value before and after. Rows are only ever added (an undo adds its own). Written by triggers
// each writing connection makes for itself (db/history.cpp), as they name the connection's user.
constexpr const char* kVersion9 = R"sql(
CREATE TABLE history (
    id        INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,     -- ISO 8601 UTC, to the millisecond
    user      TEXT NOT NULL,
    how       TEXT NOT NULL CHECK (how IN ('edit', 'undo', 'redo')),
    entity    TEXT NOT NULL CHECK (entity IN ('claim', 'source', 'metric', 'verdict')),
    entity_id INTEGER NOT NULL,  -- no foreign key: the history of a deleted row stays
    entity_uuid TEXT NOT NULL,   -- what identifies it: a row deleted for good may leave its id to another
    change    TEXT NOT NULL CHECK (change IN ('created', 'changed', 'deleted')),
    field     TEXT,              -- the field changed; NULL when created or deleted
    old_value,                   -- no type: kept as written (text, number or NULL);
    new_value                    -- created and deleted: every field, as a JSON object
);
CREATE INDEX history_by_entity ON history(entity, entity_id);
)sql";

// Version 10: versions of an article. A newer text of an article is an article of its own (a text never
// changes under its claims), in the same lineage; its claims are carried to it, and those that cannot be
// carried silently wait in claim_carry for the researcher.
constexpr const char* kVersion10 = R"sql(
ALTER TABLE article ADD COLUMN lineage TEXT;  -- the UUID of its first version; NULL while it has no other
ALTER TABLE article ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);
CREATE UNIQUE INDEX article_by_version ON article(lineage, version) WHERE lineage IS NOT NULL;

-- A claim of an earlier version not carried to the latest: a figure in its words changed (waiting for the
-- researcher), or its words are gone. The claim stays on its version until the researcher decides.
CREATE TABLE claim_carry (
    claim_id      INTEGER PRIMARY KEY REFERENCES claim(id) ON DELETE CASCADE,
    article_id    INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,  -- the version it was not carried to
    kind          TEXT NOT NULL CHECK (kind IN ('figure changed', 'orphaned')),
    start         INTEGER,  -- figure changed: the words standing for the claim's in that version
    end           INTEGER,
    score         REAL NOT NULL,
    figure_before TEXT,
    figure_after  TEXT
);
CREATE INDEX claim_carry_by_article ON claim_carry(article_id);
)sql";

// Version 11: the sources a figure came through ("IHS Markit, via state media"), as a JSON array of source
// ids from the source outward; NULL when the source is quoted directly.
constexpr const char* kVersion11 = R"sql(
ALTER TABLE claim ADD COLUMN via TEXT;
CREATE INDEX claim_with_via ON claim(id) WHERE via IS NOT NULL;
ALTER TABLE suggestion ADD COLUMN via TEXT;  -- whom the figure came through, as written
)sql";

// Version 12: what a percentage or share is of (its base), with a survey's sample size and fieldwork;
// for claims and for the finder's suggestions.
constexpr const char* kVersion12 = R"sql(
ALTER TABLE claim ADD COLUMN base_of TEXT;
ALTER TABLE claim ADD COLUMN sample_size INTEGER CHECK (sample_size >= 1);
ALTER TABLE claim ADD COLUMN fieldwork TEXT;
ALTER TABLE suggestion ADD COLUMN base_of TEXT;
ALTER TABLE suggestion ADD COLUMN sample_size INTEGER;
ALTER TABLE suggestion ADD COLUMN fieldwork TEXT;
)sql";

// Version 13: each claim's figure by metric, in id order within each: the cross-check reads every claim
// of one metric after another from this index alone, holding one metric's figures at a time. Through
// claim_by_metric each claim was a lookup in the table (10.9 s for a million claims, against 0.3 s).
constexpr const char* kVersion13 = R"sql(
CREATE INDEX claim_figure_by_metric
    ON claim(metric_id, id, source_id, value, low, high, approximate, unit, as_of, base_of)
    WHERE metric_id IS NOT NULL;
)sql";

void markApproximateClaims(sql::Connection& connection) {
    sql::Statement select(connection, "SELECT id, prefix, quote FROM claim");
    sql::Statement mark(connection, "UPDATE claim SET approximate = 1 WHERE id = ?1");
    while (select.step()) {
        if (!quotesApproximateFigure(select.text(1), select.text(2)))
            continue;
        mark.reset();
        mark.bind(1, select.integer(0));
        mark.run();
    }
}

}  // namespace

void migrate(sql::Connection& connection, std::int64_t from, std::int64_t to) {
    if (from >= to)
        return;
    sql::Transaction transaction(connection);
    if (from < 1 && to >= 1)
        connection.exec(kVersion1);
    if (from < 2 && to >= 2)
        connection.exec(kVersion2);
    if (from < 3 && to >= 3) {
        connection.exec(kVersion3);
        markApproximateClaims(connection);
    }
    if (from < 4 && to >= 4)
        connection.exec(kVersion4);
    if (from < 5 && to >= 5)
        connection.exec(kVersion5);
    if (from < 6 && to >= 6)
        connection.exec(kVersion6);
    if (from < 7 && to >= 7)
        connection.exec(kVersion7);
    if (from < 8 && to >= 8)
        connection.exec(kVersion8);
    if (from < 9 && to >= 9)
        connection.exec(kVersion9);
    if (from < 10 && to >= 10)
        connection.exec(kVersion10);
    if (from < 11 && to >= 11)
        connection.exec(kVersion11);
    if (from < 12 && to >= 12)
        connection.exec(kVersion12);
    if (from < 13 && to >= 13)
        connection.exec(kVersion13);
    // Add the next step here as `if (from < 14 && to >= 14) connection.exec(kVersion14);`
    // and raise kSchemaVersion (and kOldestReadableVersion, unless it only adds indexes); see
    // docs/architecture.md.
    connection.exec(
        fmt::format("PRAGMA application_id = {}; PRAGMA user_version = {}", kApplicationId, to).c_str());
    transaction.commit();
}

}  // namespace claimtrack::db

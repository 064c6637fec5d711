#include "schema.h"

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

}  // namespace

void migrate(sqlite::Connection& connection, std::int64_t from) {
    if (from >= kSchemaVersion)
        return;
    sqlite::Transaction transaction(connection);
    if (from < 1)
        connection.exec(kVersion1);
    if (from < 2)
        connection.exec(kVersion2);
    // Add the next step here as `if (from < 3) connection.exec(kVersion3);`
    // and raise kSchemaVersion; see docs/architecture.md.
    connection.exec(
        fmt::format("PRAGMA application_id = {}; PRAGMA user_version = {}", kApplicationId, kSchemaVersion)
            .c_str());
    transaction.commit();
}

}  // namespace claimtrack::db

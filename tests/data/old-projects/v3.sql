PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
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
INSERT INTO article VALUES(1,'25977519-64ed-435f-a87c-7b15f83ea3b3','Camera counts',NULL,NULL,NULL,NULL,'2026-12-02T07:49:56.916Z',replace('Camera counts\nAnalysts at IHS Markit put the number of surveillance cameras in China at 176 million in 2016. State media later said more than 200 million were installed. One forecast expects 626 million by 2020, another 450 million. A survey found 80 percent of respondents approved.\n','\n',char(10)),'d856cf6e72baccc1035af056dc357068076eb4f9a249629dba548def41434280',284);
CREATE TABLE source (
    id    INTEGER PRIMARY KEY,
    uuid  TEXT NOT NULL UNIQUE,
    name  TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (name <> ''),
    kind  TEXT CHECK (kind IN ('person', 'organisation', 'publication', 'report')),
    note  TEXT
);
INSERT INTO source VALUES(1,'363d80ac-600c-45b8-b398-9d133fdb27b8','IHS Markit',NULL,NULL);
INSERT INTO source VALUES(2,'3c95e06d-2a0c-42cb-ad32-8c73545f1972','State media',NULL,NULL);
CREATE TABLE metric (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (name <> ''),
    description TEXT
, unit_kind TEXT
    CHECK (unit_kind IN ('count', 'percent', 'money', 'duration', 'score')), place TEXT, population TEXT, tolerance REAL CHECK (tolerance >= 0 AND tolerance < 1));
INSERT INTO metric VALUES(1,'6f42d163-91b3-4a72-9432-f0559e46472c','Surveillance cameras in China',NULL,'count','China',NULL,0.10000000000000000555);
INSERT INTO metric VALUES(2,'54debfe9-3090-4363-a28e-680478c69856','Approval',NULL,NULL,NULL,NULL,NULL);
CREATE TABLE tag (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (name <> '')
);
INSERT INTO tag VALUES(1,'cameras');
INSERT INTO tag VALUES(2,'state media');
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
    updated_at TEXT NOT NULL, approximate INTEGER NOT NULL DEFAULT 0,
    CHECK (start >= 0 AND end > start),
    CHECK (low IS NULL OR high IS NULL OR low <= high)
);
INSERT INTO claim VALUES(1,'eb88aa7b-d477-4f5f-a6f8-1f42e8bf7cb7',1,88,99,'176 million','urveillance cameras in China at ',' in 2016. State media later said',176000000.0,NULL,NULL,'cameras',1,1,'2016','unverified','IHS Markit''s estimate, ''roughly''','2026-12-02T07:49:56.925Z','2026-12-02T07:49:56.925Z',0);
INSERT INTO claim VALUES(2,'b5f0003a-d526-41c0-a743-f24119639c6b',1,132,153,'more than 200 million','in 2016. State media later said ',' were installed. One forecast ex',NULL,200000000.0,NULL,'cameras',1,2,NULL,'disputed',NULL,'2026-12-02T07:49:56.933Z','2026-12-02T07:49:56.933Z',0);
INSERT INTO claim VALUES(3,'8bd282fa-0551-46d0-a0b4-963cc389801b',1,191,202,'626 million','installed. One forecast expects ',' by 2020, another 450 million. A',626000000.0,NULL,NULL,'cameras',1,1,'2020','disputed',NULL,'2026-12-02T07:49:56.942Z','2026-12-02T07:49:56.979Z',0);
INSERT INTO claim VALUES(4,'6f47d557-0ee5-450b-bc93-f141b2647dfb',1,220,231,'450 million','ts 626 million by 2020, another ','. A survey found 80 percent of r',450000000.0,NULL,NULL,'cameras',1,NULL,'2020','supported',NULL,'2026-12-02T07:49:56.950Z','2026-12-02T07:49:56.979Z',0);
INSERT INTO claim VALUES(5,'7ee43d97-e132-48c1-9bce-aa23705f2e39',1,248,258,'80 percent','her 450 million. A survey found ',replace(' of respondents approved.\n','\n',char(10)),80.0,NULL,NULL,'%',2,NULL,NULL,'unverified',NULL,'2026-12-02T07:49:56.957Z','2026-12-02T07:49:56.957Z',0);
CREATE TABLE claim_tag (
    claim_id INTEGER NOT NULL REFERENCES claim(id) ON DELETE CASCADE,
    tag_id   INTEGER NOT NULL REFERENCES tag(id),
    PRIMARY KEY (claim_id, tag_id)
) WITHOUT ROWID;
INSERT INTO claim_tag VALUES(1,1);
INSERT INTO claim_tag VALUES(2,1);
INSERT INTO claim_tag VALUES(2,2);
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
INSERT INTO verdict VALUES(1,'ba47a6f2-7a32-4809-af8d-443e964a89d0',3,4,4,'the later count','2026-12-02T07:49:56.979Z');
CREATE INDEX claim_by_article ON claim(article_id, start);
CREATE INDEX claim_by_metric ON claim(metric_id);
CREATE INDEX claim_by_source ON claim(source_id);
CREATE INDEX claim_tag_by_tag ON claim_tag(tag_id);
COMMIT;
PRAGMA application_id = 1131179380;
PRAGMA user_version = 3;

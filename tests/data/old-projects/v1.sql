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
INSERT INTO article VALUES(1,'bd96419d-293d-4745-91b1-3625ffa86519','Camera counts',NULL,NULL,NULL,NULL,'2026-12-02T07:49:56.151Z',replace('Camera counts\nAnalysts at IHS Markit put the number of surveillance cameras in China at 176 million in 2016. State media later said more than 200 million were installed. One forecast expects 626 million by 2020, another 450 million. A survey found 80 percent of respondents approved.\n','\n',char(10)),'d856cf6e72baccc1035af056dc357068076eb4f9a249629dba548def41434280',284);
CREATE TABLE source (
    id    INTEGER PRIMARY KEY,
    uuid  TEXT NOT NULL UNIQUE,
    name  TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (name <> ''),
    kind  TEXT CHECK (kind IN ('person', 'organisation', 'publication', 'report')),
    note  TEXT
);
INSERT INTO source VALUES(1,'d1256500-ce90-4a62-90bf-c1fbfc849f26','IHS Markit',NULL,NULL);
INSERT INTO source VALUES(2,'a9b64d7c-76af-4ed4-939f-00fc0e923448','State media',NULL,NULL);
CREATE TABLE metric (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (name <> ''),
    description TEXT
);
INSERT INTO metric VALUES(1,'3814e70e-4d04-494f-bea0-f11877302223','Surveillance cameras in China',NULL);
INSERT INTO metric VALUES(2,'a7157e1e-920c-46d4-a5e8-94190ed84e3a','Approval',NULL);
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
    updated_at TEXT NOT NULL,
    CHECK (start >= 0 AND end > start),
    CHECK (low IS NULL OR high IS NULL OR low <= high)
);
INSERT INTO claim VALUES(1,'ba70bb94-f8d8-4469-aa7f-47a759d0f05c',1,88,99,'176 million','urveillance cameras in China at ',' in 2016. State media later said',176000000.0,NULL,NULL,'cameras',1,1,'2016','unverified','IHS Markit''s estimate, ''roughly''','2026-12-02T07:49:56.160Z','2026-12-02T07:49:56.160Z');
INSERT INTO claim VALUES(2,'07a2e369-9f24-4ce0-9814-19886dfbdf2f',1,132,153,'more than 200 million','in 2016. State media later said ',' were installed. One forecast ex',NULL,200000000.0,NULL,'cameras',1,2,NULL,'disputed',NULL,'2026-12-02T07:49:56.168Z','2026-12-02T07:49:56.168Z');
INSERT INTO claim VALUES(3,'2fb08eb2-db2d-4182-a62c-d799c7a71a7e',1,191,202,'626 million','installed. One forecast expects ',' by 2020, another 450 million. A',626000000.0,NULL,NULL,'cameras',1,1,'2020','unverified',NULL,'2026-12-02T07:49:56.179Z','2026-12-02T07:49:56.179Z');
INSERT INTO claim VALUES(4,'5167ddbb-2b61-459e-803c-557a5fbe65d0',1,220,231,'450 million','ts 626 million by 2020, another ','. A survey found 80 percent of r',450000000.0,NULL,NULL,'cameras',1,NULL,'2020','unverified',NULL,'2026-12-02T07:49:56.188Z','2026-12-02T07:49:56.188Z');
INSERT INTO claim VALUES(5,'1013d815-015c-41ba-a649-b9230ab28bc7',1,248,258,'80 percent','her 450 million. A survey found ',replace(' of respondents approved.\n','\n',char(10)),80.0,NULL,NULL,'%',2,NULL,NULL,'unverified',NULL,'2026-12-02T07:49:56.198Z','2026-12-02T07:49:56.198Z');
CREATE TABLE claim_tag (
    claim_id INTEGER NOT NULL REFERENCES claim(id) ON DELETE CASCADE,
    tag_id   INTEGER NOT NULL REFERENCES tag(id),
    PRIMARY KEY (claim_id, tag_id)
) WITHOUT ROWID;
INSERT INTO claim_tag VALUES(1,1);
INSERT INTO claim_tag VALUES(2,1);
INSERT INTO claim_tag VALUES(2,2);
CREATE INDEX claim_by_article ON claim(article_id, start);
CREATE INDEX claim_by_metric ON claim(metric_id);
CREATE INDEX claim_by_source ON claim(source_id);
CREATE INDEX claim_tag_by_tag ON claim_tag(tag_id);
COMMIT;
PRAGMA application_id = 1131179380;
PRAGMA user_version = 1;

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
INSERT INTO article VALUES(1,'1d5bb063-57f2-4d47-b840-2d3e065b4753','Camera counts',NULL,NULL,NULL,NULL,'2026-12-02T07:49:56.833Z',replace('Camera counts\nAnalysts at IHS Markit put the number of surveillance cameras in China at 176 million in 2016. State media later said more than 200 million were installed. One forecast expects 626 million by 2020, another 450 million. A survey found 80 percent of respondents approved.\n','\n',char(10)),'d856cf6e72baccc1035af056dc357068076eb4f9a249629dba548def41434280',284);
CREATE TABLE source (
    id    INTEGER PRIMARY KEY,
    uuid  TEXT NOT NULL UNIQUE,
    name  TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (name <> ''),
    kind  TEXT CHECK (kind IN ('person', 'organisation', 'publication', 'report')),
    note  TEXT
);
INSERT INTO source VALUES(1,'d7769d7d-de60-4828-9bff-7f58e99fbb13','IHS Markit',NULL,NULL);
INSERT INTO source VALUES(2,'cb8ccb19-c8a5-4bb5-afae-76937bc043eb','State media',NULL,NULL);
CREATE TABLE metric (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (name <> ''),
    description TEXT
);
INSERT INTO metric VALUES(1,'3d919e00-29a5-4d2b-b599-7899ab9ff165','Surveillance cameras in China',NULL);
INSERT INTO metric VALUES(2,'73b4a1a1-cd4c-413d-ad7f-2bdd944e4235','Approval',NULL);
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
INSERT INTO claim VALUES(1,'495db7fe-5add-45a9-81df-3b646ebc6146',1,88,99,'176 million','urveillance cameras in China at ',' in 2016. State media later said',176000000.0,NULL,NULL,'cameras',1,1,'2016','unverified','IHS Markit''s estimate, ''roughly''','2026-12-02T07:49:56.840Z','2026-12-02T07:49:56.840Z');
INSERT INTO claim VALUES(2,'81ecf5df-c760-40ca-84b9-a5da5dc54cf0',1,132,153,'more than 200 million','in 2016. State media later said ',' were installed. One forecast ex',NULL,200000000.0,NULL,'cameras',1,2,NULL,'disputed',NULL,'2026-12-02T07:49:56.848Z','2026-12-02T07:49:56.848Z');
INSERT INTO claim VALUES(3,'d4851757-9186-47a1-86a2-436fa3a7a731',1,191,202,'626 million','installed. One forecast expects ',' by 2020, another 450 million. A',626000000.0,NULL,NULL,'cameras',1,1,'2020','unverified',NULL,'2026-12-02T07:49:56.857Z','2026-12-02T07:49:56.857Z');
INSERT INTO claim VALUES(4,'2a89e7ae-b9c6-4210-bdc3-2c2f7eb4890c',1,220,231,'450 million','ts 626 million by 2020, another ','. A survey found 80 percent of r',450000000.0,NULL,NULL,'cameras',1,NULL,'2020','unverified',NULL,'2026-12-02T07:49:56.864Z','2026-12-02T07:49:56.864Z');
INSERT INTO claim VALUES(5,'f92af9f1-f63c-4736-a804-62e435be55d7',1,248,258,'80 percent','her 450 million. A survey found ',replace(' of respondents approved.\n','\n',char(10)),80.0,NULL,NULL,'%',2,NULL,NULL,'unverified',NULL,'2026-12-02T07:49:56.872Z','2026-12-02T07:49:56.872Z');
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
CREATE INDEX claim_by_article ON claim(article_id, start);
CREATE INDEX claim_by_metric ON claim(metric_id);
CREATE INDEX claim_by_source ON claim(source_id);
CREATE INDEX claim_tag_by_tag ON claim_tag(tag_id);
COMMIT;
PRAGMA application_id = 1131179380;
PRAGMA user_version = 2;

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
, format TEXT NOT NULL DEFAULT 'text'
    CHECK (format IN ('text', 'markdown', 'html', 'pdf')), encoding TEXT, memo TEXT, lineage TEXT, version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1));
INSERT INTO article VALUES(1,'bb00e02d-7ee2-44d1-95cc-96caad94928c','Camera counts',NULL,NULL,NULL,NULL,'2026-12-03T14:48:55.260Z',replace('Camera counts\nAnalysts at IHS Markit put the number of surveillance cameras in China at 176 million in 2016. State media later said more than 200 million were installed. One forecast expects 626 million by 2020, another 450 million. A survey found 80 percent of respondents approved.\n','\n',char(10)),'d856cf6e72baccc1035af056dc357068076eb4f9a249629dba548def41434280',284,'text','UTF-8',NULL,'bb00e02d-7ee2-44d1-95cc-96caad94928c',1);
INSERT INTO article VALUES(2,'2c2ba780-ac70-4fce-8b45-e8bc252c5b4f','Camera counts',NULL,NULL,NULL,NULL,'2026-12-03T14:48:55.487Z',replace('Camera counts\nAnalysts at IHS Markit put the number of surveillance cameras in China at 176 million in 2016. State media later said more than 250 million were installed. One forecast expects 626 million by 2020, another 450 million. A survey found 80 percent of respondents approved.\n','\n',char(10)),'d475356c45e5af8f312c4d62fb21aca7bdca2778c10514b1e2ef7f8791402b56',284,'text','UTF-8',NULL,'bb00e02d-7ee2-44d1-95cc-96caad94928c',2);
CREATE TABLE source (
    id    INTEGER PRIMARY KEY,
    uuid  TEXT NOT NULL UNIQUE,
    name  TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (name <> ''),
    kind  TEXT CHECK (kind IN ('person', 'organisation', 'publication', 'report')),
    note  TEXT
);
INSERT INTO source VALUES(1,'02f6133e-4290-4df4-b35d-8555a8910270','IHS Markit',NULL,NULL);
INSERT INTO source VALUES(2,'9eeb99fc-d58d-4819-88bb-daeb2343c2c9','State media',NULL,NULL);
INSERT INTO source VALUES(3,'30b648a2-e312-4ccb-bce5-8051e3d5a43e','Xinhua',NULL,NULL);
CREATE TABLE metric (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (name <> ''),
    description TEXT
, unit_kind TEXT
    CHECK (unit_kind IN ('count', 'percent', 'money', 'duration', 'score')), place TEXT, population TEXT, tolerance REAL CHECK (tolerance >= 0 AND tolerance < 1), fact_check_url TEXT, reviewed TEXT);
INSERT INTO metric VALUES(1,'a5da3139-a18a-400c-9134-710cf2f8e325','Surveillance cameras in China',NULL,'count','China',NULL,0.10000000000000000555,NULL,NULL);
INSERT INTO metric VALUES(2,'f6c306be-fc11-4a53-a636-404b89c35831','Approval',NULL,NULL,NULL,NULL,NULL,NULL,NULL);
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
    updated_at TEXT NOT NULL, approximate INTEGER NOT NULL DEFAULT 0, via TEXT, base_of TEXT, sample_size INTEGER CHECK (sample_size >= 1), fieldwork TEXT,
    CHECK (start >= 0 AND end > start),
    CHECK (low IS NULL OR high IS NULL OR low <= high)
);
INSERT INTO claim VALUES(1,'6c4de5f1-b037-44a2-a454-82a0c3c1eb74',2,88,99,'176 million','urveillance cameras in China at ',' in 2016. State media later said',176000000.0,NULL,NULL,'cameras',1,1,'2016','supported','IHS Markit''s estimate, ''roughly''','2026-12-03T14:48:55.280Z','2026-12-03T14:48:55.487Z',0,NULL,NULL,NULL,NULL);
INSERT INTO claim VALUES(2,'4923434e-5884-4e07-8b08-324c1e752966',1,132,153,'more than 200 million','in 2016. State media later said ',' were installed. One forecast ex',NULL,200000000.0,NULL,'cameras',1,2,NULL,'disputed',NULL,'2026-12-03T14:48:55.301Z','2026-12-03T14:48:55.301Z',0,NULL,NULL,NULL,NULL);
INSERT INTO claim VALUES(3,'8a6e3614-ccef-4b1d-848f-a8b84cdb78b2',2,191,202,'626 million','installed. One forecast expects ',' by 2020, another 450 million. A',626000000.0,NULL,NULL,'cameras',1,1,'2020','disputed',NULL,'2026-12-03T14:48:55.323Z','2026-12-03T14:48:55.506Z',0,'[3]',NULL,NULL,NULL);
INSERT INTO claim VALUES(4,'62e40f9a-443b-4a63-a050-8c7b61154b86',2,220,231,'450 million','ts 626 million by 2020, another ','. A survey found 80 percent of r',450000000.0,NULL,NULL,'cameras',1,NULL,'2020','supported',NULL,'2026-12-03T14:48:55.342Z','2026-12-03T14:48:55.487Z',0,NULL,NULL,NULL,NULL);
INSERT INTO claim VALUES(5,'71756dd8-8c11-4a4c-b542-0ea164dd4e3b',2,248,258,'80 percent','her 450 million. A survey found ',replace(' of respondents approved.\n','\n',char(10)),80.0,NULL,NULL,'%',2,NULL,NULL,'unverified',NULL,'2026-12-03T14:48:55.361Z','2026-12-03T14:48:55.523Z',0,NULL,'respondents',2209,'2018');
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
    state       TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'rejected')), via TEXT, base_of TEXT, sample_size INTEGER, fieldwork TEXT,
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
INSERT INTO verdict VALUES(1,'5096d93b-180d-45f3-8130-1c777c8e8c70',3,4,4,'the later count','2026-12-03T14:48:55.411Z');
CREATE TABLE article_original (
    article_id INTEGER PRIMARY KEY REFERENCES article(id) ON DELETE CASCADE,
    file_name  TEXT NOT NULL,
    size       INTEGER NOT NULL CHECK (size >= 0),
    sha256     TEXT NOT NULL,
    bytes      BLOB,
    path       TEXT,
    CHECK (bytes IS NOT NULL OR path IS NOT NULL)
);
INSERT INTO article_original VALUES(1,'a.txt',284,'d856cf6e72baccc1035af056dc357068076eb4f9a249629dba548def41434280',X'43616d65726120636f756e74730a416e616c7973747320617420494853204d61726b69742070757420746865206e756d626572206f66207375727665696c6c616e63652063616d6572617320696e204368696e6120617420313736206d696c6c696f6e20696e20323031362e205374617465206d65646961206c617465722073616964206d6f7265207468616e20323030206d696c6c696f6e207765726520696e7374616c6c65642e204f6e6520666f726563617374206578706563747320363236206d696c6c696f6e20627920323032302c20616e6f7468657220343530206d696c6c696f6e2e20412073757276657920666f756e642038302070657263656e74206f6620726573706f6e64656e747320617070726f7665642e0a',NULL);
INSERT INTO article_original VALUES(2,'a2.txt',284,'d475356c45e5af8f312c4d62fb21aca7bdca2778c10514b1e2ef7f8791402b56',X'43616d65726120636f756e74730a416e616c7973747320617420494853204d61726b69742070757420746865206e756d626572206f66207375727665696c6c616e63652063616d6572617320696e204368696e6120617420313736206d696c6c696f6e20696e20323031362e205374617465206d65646961206c617465722073616964206d6f7265207468616e20323530206d696c6c696f6e207765726520696e7374616c6c65642e204f6e6520666f726563617374206578706563747320363236206d696c6c696f6e20627920323032302c20616e6f7468657220343530206d696c6c696f6e2e20412073757276657920666f756e642038302070657263656e74206f6620726573706f6e64656e747320617070726f7665642e0a',NULL);
CREATE TABLE article_page (
    article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
    page       INTEGER NOT NULL CHECK (page >= 1),
    start      INTEGER NOT NULL CHECK (start >= 0),
    PRIMARY KEY (article_id, page)
) WITHOUT ROWID;
PRAGMA writable_schema=ON;
INSERT INTO sqlite_schema(type,name,tbl_name,rootpage,sql)VALUES('table','claim_search','claim_search',0,'CREATE VIRTUAL TABLE claim_search USING fts5(
    quote, note, metric, source, tags, tokenize = ''unicode61 remove_diacritics 2'')');
CREATE TABLE IF NOT EXISTS 'claim_search_data'(id INTEGER PRIMARY KEY, block BLOB);
INSERT INTO claim_search_data VALUES(1,X'050c05110604');
INSERT INTO claim_search_data VALUES(10,X'00000000010c0c000c0101010201010301010401010501010601010701010801010901010a01010b01010c0101');
INSERT INTO claim_search_data VALUES(137438953473,X'0000008c0430313736010202010763616d657261730106010203020468696e6101060102050108657374696d61746501060101050103696873010c01010201030202016e010601020401066d61726b6974010c0101030103030206696c6c696f6e0102030107726f7567686c7901060101060101730106010104020b75727665696c6c616e6365010601020204080e0b0f0d08100b0e08');
INSERT INTO claim_search_data VALUES(274877906945,X'0000008f0430313736010302010763616d65726173010d010203010402020468696e6101070102050108657374696d61746501070101050103696873010d01010201030202016e010701020401066d61726b6974010d0101030103030206696c6c696f6e0103030107726f7567686c7901070101060101730107010104020b75727665696c6c616e636501070102020408110b0f0d08100b0e08');
INSERT INTO claim_search_data VALUES(412316860417,X'000000740430323030020204010763616d657261730206010203020468696e6102060102050102696e020601020401056d6564696102060103030206696c6c696f6e02020502036f7265020202010573746174650206010302020b75727665696c6c616e6365020601020201047468616e02020304080e0b090c0b080c12');
INSERT INTO claim_search_data VALUES(549755813889,X'000000770430323030020304010763616d65726173020d010203010402020468696e6102070102050102696e020701020401056d6564696102070103030206696c6c696f6e02030502036f7265020302010573746174650207010302020b75727665696c6c616e6365020701020201047468616e0203030408110b090c0b080c12');
INSERT INTO claim_search_data VALUES(687194767361,X'0000007d0430323030020304010763616d65726173020d010203010402020468696e6102070102050102696e020701020401056d65646961020d0103030104040206696c6c696f6e02030502036f726502030201057374617465020d010302010403020b75727665696c6c616e6365020701020201047468616e0203030408110b090f0b080f12');
INSERT INTO claim_search_data VALUES(824633720833,X'000000620430363236030202010763616d657261730306010203020468696e6103060102050103696873030601030202016e030601020401066d61726b697403060103030206696c6c696f6e030203010c7375727665696c6c616e6365030601020204080e0b0a080d0b');
INSERT INTO claim_search_data VALUES(962072674305,X'0000004d0430343530040202010763616d657261730406010203020468696e6104060102050102696e040601020401076d696c6c696f6e040203010c7375727665696c6c616e6365040601020204080e0b090c');
INSERT INTO claim_search_data VALUES(1099511627777,X'00000026033038300502020108617070726f76616c0506010202010770657263656e7405020304070f');
INSERT INTO claim_search_data VALUES(1236950581249,X'0000008f0430313736010302010763616d65726173010d010203010402020468696e6101070102050108657374696d61746501070101050103696873010d01010201030202016e010701020401066d61726b6974010d0101030103030206696c6c696f6e0103030107726f7567686c7901070101060101730107010104020b75727665696c6c616e636501070102020408110b0f0d08100b0e08');
INSERT INTO claim_search_data VALUES(1374389534721,X'000000620430363236030302010763616d657261730307010203020468696e6103070102050103696873030701030202016e030701020401066d61726b697403070103030206696c6c696f6e030303010c7375727665696c6c616e6365030701020204080e0b0a080d0b');
INSERT INTO claim_search_data VALUES(1511828488193,X'0000004d0430343530040302010763616d657261730407010203020468696e6104070102050102696e040701020401076d696c6c696f6e040303010c7375727665696c6c616e6365040701020204080e0b090c');
INSERT INTO claim_search_data VALUES(1649267441665,X'00000026033038300503020108617070726f76616c0507010202010770657263656e7405030304070f');
CREATE TABLE IF NOT EXISTS 'claim_search_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;
INSERT INTO claim_search_idx VALUES(1,X'',2);
INSERT INTO claim_search_idx VALUES(2,X'',2);
INSERT INTO claim_search_idx VALUES(3,X'',2);
INSERT INTO claim_search_idx VALUES(4,X'',2);
INSERT INTO claim_search_idx VALUES(5,X'',2);
INSERT INTO claim_search_idx VALUES(6,X'',2);
INSERT INTO claim_search_idx VALUES(7,X'',2);
INSERT INTO claim_search_idx VALUES(8,X'',2);
INSERT INTO claim_search_idx VALUES(9,X'',2);
INSERT INTO claim_search_idx VALUES(10,X'',2);
INSERT INTO claim_search_idx VALUES(11,X'',2);
INSERT INTO claim_search_idx VALUES(12,X'',2);
CREATE TABLE IF NOT EXISTS 'claim_search_content'(id INTEGER PRIMARY KEY, c0, c1, c2, c3, c4);
INSERT INTO claim_search_content VALUES(1,'176 million','IHS Markit''s estimate, ''roughly''','Surveillance cameras in China','IHS Markit','cameras');
INSERT INTO claim_search_content VALUES(2,'more than 200 million','','Surveillance cameras in China','State media','cameras; state media');
INSERT INTO claim_search_content VALUES(3,'626 million','','Surveillance cameras in China','IHS Markit','');
INSERT INTO claim_search_content VALUES(4,'450 million','','Surveillance cameras in China','','');
INSERT INTO claim_search_content VALUES(5,'80 percent','','Approval','','');
CREATE TABLE IF NOT EXISTS 'claim_search_docsize'(id INTEGER PRIMARY KEY, sz BLOB);
INSERT INTO claim_search_docsize VALUES(1,X'0205040201');
INSERT INTO claim_search_docsize VALUES(2,X'0400040203');
INSERT INTO claim_search_docsize VALUES(3,X'0200040200');
INSERT INTO claim_search_docsize VALUES(4,X'0200040000');
INSERT INTO claim_search_docsize VALUES(5,X'0200010000');
CREATE TABLE IF NOT EXISTS 'claim_search_config'(k PRIMARY KEY, v) WITHOUT ROWID;
INSERT INTO claim_search_config VALUES('version',4);
CREATE TABLE project_memo (
    id   INTEGER PRIMARY KEY CHECK (id = 1),  -- one row: the project's memo
    text TEXT NOT NULL
);
INSERT INTO project_memo VALUES(1,'Who counts the cameras?');
INSERT INTO sqlite_schema(type,name,tbl_name,rootpage,sql)VALUES('table','article_search','article_search',0,'CREATE VIRTUAL TABLE article_search USING fts5(
    title, text, memo, content = ''article'', content_rowid = ''id'', tokenize = ''unicode61 remove_diacritics 2'')');
CREATE TABLE IF NOT EXISTS 'article_search_data'(id INTEGER PRIMARY KEY, block BLOB);
INSERT INTO article_search_data VALUES(1,X'02045e00');
INSERT INTO article_search_data VALUES(10,X'000000000102020002010101020101');
INSERT INTO article_search_data VALUES(137438953473,X'000001d4043031373601060101110103323030010601011b030231360106010114030232300106010125010334353001060101270103363236010601012201023830010601012c010161010601012902076e616c79737473010601010403056f74686572010601012602077070726f766564010601013002017401080101050d010262790106010124010663616d657261010802010102070173010601010d020468696e61010601010f02056f756e747301080301010301076578706563747301060101210108666f72656361737401060101200303756e64010601012b0103696873010601010602016e010801010e0703077374616c6c6564010601011e01056c61746572010601011701066d61726b6974010601010702046564696101060101160206696c6c696f6e010c0101120c090702036f7265010601011901066e756d626572010601010a01026f66010801010b2502026e65010601011f010770657263656e74010601012d020275740106010108010b726573706f6e64656e7473010601012f01047361696401060101180204746174650106010115020b75727665696c6c616e6365010601010c060179010601012a01047468616e010601011a0301650106010109010477657265010601011d040a0a09090a0a09080e0c0e09090e080b0d0e0f0a0a090e0c0d0b100a0d0a090e09120b0b12080b08');
INSERT INTO article_search_data VALUES(274877906945,X'000001d504303137360206010111010432303136020601011403023230020601012502023530020601011b010334353002060101270103363236020601012201023830020601012c010161020601012902076e616c79737473020601010403056f74686572020601012602077070726f766564020601013002017402080101050d010262790206010124010663616d657261020802010102070173020601010d020468696e61020601010f02056f756e747302080301010301076578706563747302060101210108666f72656361737402060101200303756e64020601012b0103696873020601010602016e020801010e0703077374616c6c6564020601011e01056c61746572020601011701066d61726b6974020601010702046564696102060101160206696c6c696f6e020c0101120c090702036f7265020601011901066e756d626572020601010a01026f66020801010b2502026e65020601011f010770657263656e74020601012d020275740206010108010b726573706f6e64656e7473020601012f01047361696402060101180204746174650206010115020b75727665696c6c616e6365020601010c060179020601012a01047468616e020601011a0301650206010109010477657265020601011d040a0b09090a0a09080e0c0e09090e080b0d0e0f0a0a090e0c0d0b100a0d0a090e09120b0b12080b08');
CREATE TABLE IF NOT EXISTS 'article_search_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;
INSERT INTO article_search_idx VALUES(1,X'',2);
INSERT INTO article_search_idx VALUES(2,X'',2);
CREATE TABLE IF NOT EXISTS 'article_search_docsize'(id INTEGER PRIMARY KEY, sz BLOB);
INSERT INTO article_search_docsize VALUES(1,X'022f00');
INSERT INTO article_search_docsize VALUES(2,X'022f00');
CREATE TABLE IF NOT EXISTS 'article_search_config'(k PRIMARY KEY, v) WITHOUT ROWID;
INSERT INTO article_search_config VALUES('version',4);
CREATE TABLE project_setting (
    name  TEXT PRIMARY KEY CHECK (name <> ''),
    value TEXT NOT NULL
);
INSERT INTO project_setting VALUES('reviewer','Claimtrack test desk');
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
INSERT INTO history VALUES(1,'2026-12-03T14:48:55.280Z','root','edit','metric',1,'a5da3139-a18a-400c-9134-710cf2f8e325','created',NULL,NULL,'{"name":"Surveillance cameras in China","description":null,"unit_kind":null,"place":null,"population":null,"tolerance":null,"fact_check_url":null,"reviewed":null}');
INSERT INTO history VALUES(2,'2026-12-03T14:48:55.280Z','root','edit','source',1,'02f6133e-4290-4df4-b35d-8555a8910270','created',NULL,NULL,'{"name":"IHS Markit","kind":null,"note":null}');
INSERT INTO history VALUES(3,'2026-12-03T14:48:55.280Z','root','edit','claim',1,'6c4de5f1-b037-44a2-a454-82a0c3c1eb74','created',NULL,NULL,'{"article":1,"quote":"176 million","start":88,"end":99,"value":176000000.0,"low":null,"high":null,"approximate":0,"unit":"cameras","metric":"Surveillance cameras in China","source":"IHS Markit","via":null,"as_of":"2016","status":"unverified","note":"IHS Markit''s estimate, ''roughly''","base":null,"sample_size":null,"fieldwork":null}');
INSERT INTO history VALUES(4,'2026-12-03T14:48:55.281Z','root','edit','claim',1,'6c4de5f1-b037-44a2-a454-82a0c3c1eb74','changed','tag',NULL,'cameras');
INSERT INTO history VALUES(5,'2026-12-03T14:48:55.302Z','root','edit','source',2,'9eeb99fc-d58d-4819-88bb-daeb2343c2c9','created',NULL,NULL,'{"name":"State media","kind":null,"note":null}');
INSERT INTO history VALUES(6,'2026-12-03T14:48:55.302Z','root','edit','claim',2,'4923434e-5884-4e07-8b08-324c1e752966','created',NULL,NULL,'{"article":1,"quote":"more than 200 million","start":132,"end":153,"value":null,"low":200000000.0,"high":null,"approximate":0,"unit":"cameras","metric":"Surveillance cameras in China","source":"State media","via":null,"as_of":null,"status":"disputed","note":null,"base":null,"sample_size":null,"fieldwork":null}');
INSERT INTO history VALUES(7,'2026-12-03T14:48:55.302Z','root','edit','claim',2,'4923434e-5884-4e07-8b08-324c1e752966','changed','tag',NULL,'cameras');
INSERT INTO history VALUES(8,'2026-12-03T14:48:55.302Z','root','edit','claim',2,'4923434e-5884-4e07-8b08-324c1e752966','changed','tag',NULL,'state media');
INSERT INTO history VALUES(9,'2026-12-03T14:48:55.324Z','root','edit','claim',3,'8a6e3614-ccef-4b1d-848f-a8b84cdb78b2','created',NULL,NULL,'{"article":1,"quote":"626 million","start":191,"end":202,"value":626000000.0,"low":null,"high":null,"approximate":0,"unit":"cameras","metric":"Surveillance cameras in China","source":"IHS Markit","via":null,"as_of":"2020","status":"unverified","note":null,"base":null,"sample_size":null,"fieldwork":null}');
INSERT INTO history VALUES(10,'2026-12-03T14:48:55.343Z','root','edit','claim',4,'62e40f9a-443b-4a63-a050-8c7b61154b86','created',NULL,NULL,'{"article":1,"quote":"450 million","start":220,"end":231,"value":450000000.0,"low":null,"high":null,"approximate":0,"unit":"cameras","metric":"Surveillance cameras in China","source":null,"via":null,"as_of":"2020","status":"unverified","note":null,"base":null,"sample_size":null,"fieldwork":null}');
INSERT INTO history VALUES(11,'2026-12-03T14:48:55.361Z','root','edit','metric',2,'f6c306be-fc11-4a53-a636-404b89c35831','created',NULL,NULL,'{"name":"Approval","description":null,"unit_kind":null,"place":null,"population":null,"tolerance":null,"fact_check_url":null,"reviewed":null}');
INSERT INTO history VALUES(12,'2026-12-03T14:48:55.361Z','root','edit','claim',5,'71756dd8-8c11-4a4c-b542-0ea164dd4e3b','created',NULL,NULL,'{"article":1,"quote":"80 percent","start":248,"end":258,"value":80.0,"low":null,"high":null,"approximate":0,"unit":"%","metric":"Approval","source":null,"via":null,"as_of":null,"status":"unverified","note":null,"base":null,"sample_size":null,"fieldwork":null}');
INSERT INTO history VALUES(13,'2026-12-03T14:48:55.394Z','root','edit','metric',1,'a5da3139-a18a-400c-9134-710cf2f8e325','changed','tolerance',NULL,0.10000000000000000555);
INSERT INTO history VALUES(14,'2026-12-03T14:48:55.394Z','root','edit','metric',1,'a5da3139-a18a-400c-9134-710cf2f8e325','changed','unit_kind',NULL,'count');
INSERT INTO history VALUES(15,'2026-12-03T14:48:55.394Z','root','edit','metric',1,'a5da3139-a18a-400c-9134-710cf2f8e325','changed','place',NULL,'China');
INSERT INTO history VALUES(16,'2026-12-03T14:48:55.411Z','root','edit','verdict',1,'5096d93b-180d-45f3-8130-1c777c8e8c70','created',NULL,NULL,'{"claim_a":3,"claim_b":4,"supported":4,"note":"the later count"}');
INSERT INTO history VALUES(17,'2026-12-03T14:48:55.412Z','root','edit','claim',4,'62e40f9a-443b-4a63-a050-8c7b61154b86','changed','status','unverified','supported');
INSERT INTO history VALUES(18,'2026-12-03T14:48:55.412Z','root','edit','claim',3,'8a6e3614-ccef-4b1d-848f-a8b84cdb78b2','changed','status','unverified','disputed');
INSERT INTO history VALUES(19,'2026-12-03T14:48:55.468Z','ana','edit','claim',1,'6c4de5f1-b037-44a2-a454-82a0c3c1eb74','changed','status','unverified','supported');
INSERT INTO history VALUES(20,'2026-12-03T14:48:55.488Z','root','edit','claim',1,'6c4de5f1-b037-44a2-a454-82a0c3c1eb74','changed','article',1,2);
INSERT INTO history VALUES(21,'2026-12-03T14:48:55.488Z','root','edit','claim',3,'8a6e3614-ccef-4b1d-848f-a8b84cdb78b2','changed','article',1,2);
INSERT INTO history VALUES(22,'2026-12-03T14:48:55.488Z','root','edit','claim',4,'62e40f9a-443b-4a63-a050-8c7b61154b86','changed','article',1,2);
INSERT INTO history VALUES(23,'2026-12-03T14:48:55.488Z','root','edit','claim',5,'71756dd8-8c11-4a4c-b542-0ea164dd4e3b','changed','article',1,2);
INSERT INTO history VALUES(24,'2026-12-03T14:48:55.506Z','root','edit','source',3,'30b648a2-e312-4ccb-bce5-8051e3d5a43e','created',NULL,NULL,'{"name":"Xinhua","kind":null,"note":null}');
INSERT INTO history VALUES(25,'2026-12-03T14:48:55.507Z','root','edit','claim',3,'8a6e3614-ccef-4b1d-848f-a8b84cdb78b2','changed','via',NULL,'Xinhua');
INSERT INTO history VALUES(26,'2026-12-03T14:48:55.523Z','root','edit','claim',5,'71756dd8-8c11-4a4c-b542-0ea164dd4e3b','changed','fieldwork',NULL,'2018');
INSERT INTO history VALUES(27,'2026-12-03T14:48:55.523Z','root','edit','claim',5,'71756dd8-8c11-4a4c-b542-0ea164dd4e3b','changed','base',NULL,'respondents');
INSERT INTO history VALUES(28,'2026-12-03T14:48:55.523Z','root','edit','claim',5,'71756dd8-8c11-4a4c-b542-0ea164dd4e3b','changed','sample_size',NULL,2209);
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
INSERT INTO claim_carry VALUES(2,2,'figure changed',132,153,0.0,'more than 200 million','more than 250 million');
CREATE INDEX claim_by_article ON claim(article_id, start);
CREATE INDEX claim_tag_by_tag ON claim_tag(tag_id);
CREATE INDEX article_original_by_hash ON article_original(sha256);
CREATE VIEW claim_search_row (id, quote, note, metric, source, tags) AS
    SELECT c.id, c.quote, coalesce(c.note, ''),
           coalesce((SELECT name FROM metric WHERE id = c.metric_id), ''),
           coalesce((SELECT name FROM source WHERE id = c.source_id), ''),
           coalesce((SELECT group_concat(t.name, '; ') FROM claim_tag ct JOIN tag t ON t.id = ct.tag_id
                     WHERE ct.claim_id = c.id), '')
    FROM claim c;
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
CREATE INDEX claim_by_metric ON claim(metric_id, article_id);
CREATE INDEX claim_by_source ON claim(source_id, article_id);
CREATE INDEX claim_by_article_status ON claim(article_id, status);
CREATE INDEX article_by_date ON article(published, publisher);
CREATE INDEX claim_by_status ON claim(status, article_id);
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
CREATE INDEX history_by_entity ON history(entity, entity_id);
CREATE UNIQUE INDEX article_by_version ON article(lineage, version) WHERE lineage IS NOT NULL;
CREATE INDEX claim_carry_by_article ON claim_carry(article_id);
CREATE INDEX claim_with_via ON claim(id) WHERE via IS NOT NULL;
PRAGMA writable_schema=OFF;
COMMIT;
PRAGMA application_id = 1131179380;
PRAGMA user_version = 12;

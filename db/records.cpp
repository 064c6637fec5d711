#include "records.h"

#include "figures.h"
#include "guarded.h"

#include <fmt/format.h>

#include <algorithm>

namespace claimtrack::db {

using sql::Statement;

const char* const kSelectArticles = R"sql(
    SELECT a.id, a.uuid, a.title, a.author, a.publisher, a.url, a.published, a.imported_at, a.sha256, a.length,
           (SELECT count(*) FROM claim c WHERE c.article_id = a.id), a.format, coalesce(a.encoding, ''),
           coalesce(a.memo, ''), coalesce(a.lineage, ''), a.version
    FROM article a WHERE CAST(?1 AS BIGINT) IS NULL OR a.id = ?1 ORDER BY a.id)sql";

sql::Statement& bindId(sql::Statement& insert, std::int64_t id) {
    return id != 0 ? insert.bind(1, id) : insert.bindNull(1);
}

std::int64_t insertArticleRow(sql::Connection& db, const Article& article, std::string_view text) {
    Statement insert = db.cached(R"sql(
        INSERT INTO article (id, uuid, title, author, publisher, url, published, imported_at, text, sha256,
                             length, format, encoding, memo, lineage, version)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16))sql");
    const ArticleMeta& meta = article.meta;
    bindId(insert, article.id).bind(2, article.uuid).bind(3, meta.title).bindOrNull(4, meta.author);
    insert.bindOrNull(5, meta.publisher).bindOrNull(6, meta.url).bindOrNull(7, meta.published);
    insert.bind(8, article.importedAt)
        .bind(9, text)
        .bind(10, article.sha256)
        .bind(11, article.length)
        .bind(12, article.format)
        .bindOrNull(13, article.encoding)
        .bindOrNull(14, article.memo)
        .bindOrNull(15, article.lineage)
        .bind(16, article.version);
    insert.run();
    return article.id != 0 ? article.id : db.lastInsertId();
}

void writeCarry(sql::Connection& db, std::int64_t claimId, std::int64_t articleId, const Carry& carry) {
    Statement insert = db.cached(
        "INSERT INTO claim_carry (claim_id, article_id, kind, start, \"end\", score, figure_before, "
        "figure_after) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT (claim_id) DO UPDATE SET article_id = "
        "excluded.article_id, kind = excluded.kind, start = excluded.start, \"end\" = excluded.\"end\", "
        "score = "
        "excluded.score, figure_before = excluded.figure_before, figure_after = excluded.figure_after");
    insert.bind(1, claimId).bind(2, articleId).bind(3, toString(carry.kind)).bind(6, carry.score);
    if (carry.kind == CarryKind::FigureChanged)
        insert.bind(4, carry.range.start).bind(5, carry.range.end);
    insert.bindOrNull(7, carry.figureBefore).bindOrNull(8, carry.figureAfter);
    insert.run();
}

std::int64_t freeVersion(sql::Connection& db, const std::string& lineage, std::int64_t version) {
    Statement select = db.cached(
        "SELECT max(version), sum(CASE WHEN version = ?2 THEN 1 ELSE 0 END) FROM article WHERE lineage = ?1");
    select.bind(1, lineage).bind(2, version);
    select.step();
    return select.integer(1) > 0 ? select.integer(0) + 1 : version;
}

std::string readArticleText(sql::Connection& db, std::int64_t articleId) {
    Statement select = db.cached("SELECT text FROM article WHERE id = ?1");
    select.bind(1, articleId);
    if (!select.step())
        refuse(ErrorCode::NotFound, fmt::format("no article with id {} in {}", articleId, db.name()));
    return select.text(0);
}

Article readArticle(const Statement& row) {
    Article article;
    article.id = row.integer(0);
    article.uuid = row.text(1);
    article.meta = {row.text(2), row.text(3), row.text(4), row.text(5), row.text(6)};
    article.importedAt = row.text(7);
    article.sha256 = row.text(8);
    article.length = row.integer(9);
    article.claimCount = row.integer(10);
    article.format = row.text(11);
    article.encoding = row.text(12);
    article.memo = row.text(13);
    article.lineage = row.text(14);
    article.version = row.integer(15);
    return article;
}

ArticleMeta validateMeta(ArticleMeta meta) {
    for (std::string* field : {&meta.title, &meta.author, &meta.publisher, &meta.url, &meta.published}) {
        orRefuse(validateUtf8(*field, "article metadata"));
        *field = normalizeField(*field);
    }
    if (!meta.published.empty())
        meta.published = orRefuse(parsePartialDate(meta.published, "published date"));
    return meta;
}

void writeOriginalAndPages(sql::Connection& db, std::int64_t articleId,
                           const std::optional<ArticleOriginal>& original,
                           const std::vector<std::int64_t>& pageStarts) {
    if (original) {
        Statement insert =
            db.cached("INSERT INTO article_original (article_id, file_name, size, sha256, bytes, path) "
                      "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
        insert.bind(1, articleId)
            .bind(2, original->fileName)
            .bind(3, original->size)
            .bind(4, original->sha256);
        if (original->bytes)
            insert.bindBlob(5, *original->bytes);
        else
            insert.bindNull(5);
        insert.bindOrNull(6, original->path);
        insert.run();
    }
    Statement page = db.cached("INSERT INTO article_page (article_id, page, start) VALUES (?1, ?2, ?3)");
    for (std::size_t i = 0; i < pageStarts.size(); ++i) {
        page.reset();
        page.bind(1, articleId).bind(2, static_cast<std::int64_t>(i + 1)).bind(3, pageStarts[i]);
        page.run();
    }
}

namespace {

constexpr char kTagListSeparator = '\x1f';  // tags are joined with the ASCII unit separator in SQL

// Names joined by group_concat with kTagListSeparator.
std::vector<std::string> splitNames(const std::string& joined) {
    std::vector<std::string> names;
    for (std::size_t start = 0; start < joined.size();) {
        const std::size_t end = std::min(joined.find(kTagListSeparator, start), joined.size());
        names.push_back(joined.substr(start, end - start));
        start = end + 1;
    }
    return names;
}

void bindOptionalId(Statement& statement, int index, std::int64_t id) {
    if (id == 0)
        statement.bindNull(index);
    else
        statement.bind(index, id);
}

}  // namespace

std::string selectClaims(std::string_view where, std::string_view order) {
    return fmt::format(R"sql(
    SELECT c.id, c.uuid, c.article_id, a.uuid, a.title, a.publisher, a.url, a.published,
           c.start, c."end", c.quote, c.prefix, c.suffix, c.value, c.low, c.high, c.unit,
           m.name, s.name, c.as_of, c.status, c.note, c.created_at, c.updated_at,
           (SELECT group_concat(name, '{3}') FROM
               (SELECT t.name FROM claim_tag ct JOIN tag t ON t.id = ct.tag_id
                WHERE ct.claim_id = c.id ORDER BY t.name) AS tags),
           (SELECT max(p.page) FROM article_page p WHERE p.article_id = c.article_id AND p.start <= c.start),
           (SELECT group_concat(name, '{3}') FROM
               (SELECT v.name FROM json_each(c.via) j JOIN source v ON v.id = j.value ORDER BY j.key) AS chain),
           c.base_of, c.sample_size, c.fieldwork
    FROM claim c
    JOIN article a ON a.id = c.article_id
    LEFT JOIN metric m ON m.id = c.metric_id
    LEFT JOIN source s ON s.id = c.source_id
    {0}{1} ORDER BY {2})sql",
                       where.empty() ? "" : "WHERE ", where, order, kTagListSeparator);
}

ClaimRecord readClaim(const Statement& row) {
    ClaimRecord claim;
    claim.id = row.integer(0);
    claim.uuid = row.text(1);
    claim.articleId = row.integer(2);
    claim.articleUuid = row.text(3);
    claim.articleTitle = row.text(4);
    claim.publisher = row.text(5);
    claim.url = row.text(6);
    claim.published = row.text(7);
    claim.anchor.range = {row.integer(8), row.integer(9)};
    claim.anchor.quote = {row.text(10), row.text(11), row.text(12)};
    ClaimFields& f = claim.fields;
    f.value = row.number(13);
    f.low = row.number(14);
    f.high = row.number(15);
    f.unit = row.text(16);
    f.metric = row.text(17);
    f.source = row.text(18);
    f.asOf = row.text(19);
    f.status = orRefuse(parseClaimStatus(row.text(20)));
    f.note = row.text(21);
    claim.createdAt = row.text(22);
    claim.updatedAt = row.text(23);
    f.tags = splitNames(row.text(24));
    claim.page = static_cast<int>(row.integer(25));
    f.via = splitNames(row.text(26));
    f.base = {row.text(27), row.optionalInteger(28), row.text(29)};
    return claim;
}

std::int64_t isApproximate(const TextQuote& quote) {
    return quotesApproximateFigure(quote.prefix, quote.exact) ? 1 : 0;
}

Anchor ClaimWriter::anchor(std::int64_t articleId, const std::variant<QuoteSelector, CodePointRange>& where) {
    const CodePointIndex& text = articleText(articleId);
    auto anchor = std::visit(
        [&](const auto& selector) {
            if constexpr (std::is_same_v<std::decay_t<decltype(selector)>, QuoteSelector>)
                return findQuote(text, selector.text, selector.occurrence);
            else
                return anchorAt(text, selector);
        },
        where);
    if (!anchor)
        refuse(ErrorCode::InvalidInput, fmt::format("article {}: {}", articleId, anchor.error().message));
    return *anchor;
}

// Binds ?8 to ?16 and ?21 to ?24: the figure, metric, source, as-of, status, note, the sources it came via
// and its base.
void ClaimWriter::writeFields(Statement& statement, const ClaimFields& fields) {
    statement.bind(8, fields.value).bind(9, fields.low).bind(10, fields.high).bindOrNull(11, fields.unit);
    bindOptionalId(statement, 12, fields.metric.empty() ? 0 : metricId(fields.metric));
    bindOptionalId(statement, 13, fields.source.empty() ? 0 : sourceId(fields.source));
    statement.bindOrNull(14, fields.asOf).bind(15, toString(fields.status)).bindOrNull(16, fields.note);
    std::string via;  // a JSON array of source ids, from the source outward
    for (const std::string& name : fields.via)
        via += fmt::format("{}{}", via.empty() ? "[" : ",", sourceId(name));
    statement.bindOrNull(21, via.empty() ? via : via + "]");
    statement.bindOrNull(22, fields.base.of)
        .bind(23, fields.base.sampleSize)
        .bindOrNull(24, fields.base.fieldwork);
}

std::int64_t ClaimWriter::insert(const NewClaim& claim, const ClaimFields& fields, const std::string& now) {
    const Anchor anchor = this->anchor(claim.articleId, claim.where);
    Statement insert = m_db.cached(R"sql(
        INSERT INTO claim (uuid, article_id, start, "end", quote, prefix, suffix, value, low, high, unit,
                           metric_id, source_id, as_of, status, note, created_at, updated_at, approximate, via,
                           base_of, sample_size, fieldwork)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?17, ?18, ?21, ?22,
                ?23, ?24))sql");
    insert.bind(1, newUuid()).bind(2, claim.articleId).bind(3, anchor.range.start).bind(4, anchor.range.end);
    insert.bind(5, anchor.quote.exact).bind(6, anchor.quote.prefix).bind(7, anchor.quote.suffix);
    writeFields(insert, fields);
    insert.bind(17, now).bind(18, isApproximate(anchor.quote));
    insert.run();
    const std::int64_t claimId = m_db.lastInsertId();
    writeTags(claimId, fields.tags);
    return claimId;
}

// Binds ?1 to ?18 and ?20 to the record's UUID, article, anchor, fields, times and hedging; ?19 is the id.
void ClaimWriter::bindRecord(Statement& statement, const ClaimRecord& claim) {
    statement.bind(1, claim.uuid).bind(2, claim.articleId);
    statement.bind(3, claim.anchor.range.start).bind(4, claim.anchor.range.end);
    statement.bind(5, claim.anchor.quote.exact)
        .bind(6, claim.anchor.quote.prefix)
        .bind(7, claim.anchor.quote.suffix);
    writeFields(statement, claim.fields);
    statement.bind(17, claim.createdAt).bind(18, claim.updatedAt);
    statement.bind(20, isApproximate(claim.anchor.quote));
}

std::int64_t ClaimWriter::restore(const ClaimRecord& claim) {
    Statement insert = m_db.cached(R"sql(
        INSERT INTO claim (uuid, article_id, start, "end", quote, prefix, suffix, value, low, high, unit,
                           metric_id, source_id, as_of, status, note, created_at, updated_at, id, approximate,
                           via, base_of, sample_size, fieldwork)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20,
                ?21, ?22, ?23, ?24))sql");
    bindRecord(insert, claim);
    if (claim.id != 0)
        insert.bind(19, claim.id);
    else
        insert.bindNull(19);
    insert.run();
    const std::int64_t id = claim.id != 0 ? claim.id : m_db.lastInsertId();
    writeTags(id, claim.fields.tags);
    return id;
}

// A column in an UPDATE's SET list fires its history trigger and the search index's (which indexes the claim
// again) and rewrites the indexes it is in, whether or not its value changes: setting every column cost an
// edit of a figure and a status about twice what setting those two does (docs/performance.md). So only
// the columns whose field changed are set; the statement for each such set is prepared once.
void ClaimWriter::update(std::int64_t claimId, const ClaimFields& before, const ClaimFields& fields,
                         const std::string& now) {
    std::string set = "updated_at = ?17";
    for (const auto& [changed, column] : {
             std::pair{before.value != fields.value, "value = ?8"},
             {before.low != fields.low, "low = ?9"},
             {before.high != fields.high, "high = ?10"},
             {before.unit != fields.unit, "unit = ?11"},
             {before.metric != fields.metric, "metric_id = ?12"},
             {before.source != fields.source, "source_id = ?13"},
             {before.asOf != fields.asOf, "as_of = ?14"},
             {before.status != fields.status, "status = ?15"},
             {before.note != fields.note, "note = ?16"},
             {before.via != fields.via, "via = ?21"},
             {before.base.of != fields.base.of, "base_of = ?22"},
             {before.base.sampleSize != fields.base.sampleSize, "sample_size = ?23"},
             {before.base.fieldwork != fields.base.fieldwork, "fieldwork = ?24"},
         })
        if (changed)
            set += std::string(", ") + column;
    Statement update = m_db.cached(fmt::format("UPDATE claim SET {} WHERE id = ?1", set));
    update.bind(1, claimId);
    writeFields(update, fields);  // the parameters of columns left out are bound and not read
    update.bind(17, now);
    update.run();
    std::vector<std::string> had = before.tags, has = fields.tags;
    std::sort(had.begin(), had.end());
    std::sort(has.begin(), has.end());
    if (had != has)
        replaceTags(claimId, fields.tags);
}

void ClaimWriter::rewrite(const ClaimRecord& current, const ClaimRecord& claim) {
    if (current.uuid == claim.uuid && current.articleId == claim.articleId &&
        current.anchor == claim.anchor && current.createdAt == claim.createdAt)
        return this->update(claim.id, current.fields, claim.fields, claim.updatedAt);
    Statement update = m_db.cached(R"sql(
        UPDATE claim SET uuid = ?1, article_id = ?2, start = ?3, "end" = ?4, quote = ?5, prefix = ?6,
                         suffix = ?7, value = ?8, low = ?9, high = ?10, unit = ?11, metric_id = ?12,
                         source_id = ?13, as_of = ?14, status = ?15, note = ?16, created_at = ?17,
                         updated_at = ?18, approximate = ?20, via = ?21, base_of = ?22,
                         sample_size = ?23, fieldwork = ?24
        WHERE id = ?19)sql");
    bindRecord(update, claim);
    update.bind(19, claim.id);
    update.run();
    replaceTags(claim.id, claim.fields.tags);
}

void ClaimWriter::replaceTags(std::int64_t claimId, const std::vector<std::string>& tags) {
    // Only the tags that went are unlinked, so the history (and the search index) sees what changed.
    std::string kept = "[";
    for (const std::string& tag : tags)
        kept += (kept.size() > 1 ? "," : "") + std::to_string(nameId(m_tags, "tag", tag));
    kept += "]";
    Statement unlink = m_db.cached(
        "DELETE FROM claim_tag WHERE claim_id = ?1 AND tag_id NOT IN (SELECT value FROM json_each(?2))");
    unlink.bind(1, claimId).bind(2, kept);
    unlink.run();
    m_tagsUnlinked = true;
    writeTags(claimId, tags);
}

void ClaimWriter::moveTo(std::int64_t claimId, std::int64_t articleId, CodePointRange range,
                         const std::string& now) {
    const Anchor anchor = this->anchor(articleId, range);
    Statement update = m_db.cached(
        "UPDATE claim SET article_id = ?2, start = ?3, \"end\" = ?4, quote = ?5, prefix = ?6, suffix = ?7, "
        "updated_at = ?8, approximate = ?9 WHERE id = ?1");
    update.bind(1, claimId).bind(2, articleId).bind(3, anchor.range.start).bind(4, anchor.range.end);
    update.bind(5, anchor.quote.exact).bind(6, anchor.quote.prefix).bind(7, anchor.quote.suffix).bind(8, now);
    update.bind(9, isApproximate(anchor.quote));
    update.run();
}

void ClaimWriter::remove(std::int64_t claimId) {
    Statement remove = m_db.cached("DELETE FROM claim WHERE id = ?1");
    remove.bind(1, claimId);
    remove.run();
    m_tagsUnlinked = true;
}

void ClaimWriter::dropUnusedTags() {
    if (!m_tagsUnlinked)
        return;
    m_db.exec("DELETE FROM tag WHERE id NOT IN (SELECT tag_id FROM claim_tag)");
}

void ClaimWriter::writeTags(std::int64_t claimId, const std::vector<std::string>& tags) {
    for (const std::string& tag : tags) {
        Statement link =
            m_db.cached("INSERT INTO claim_tag (claim_id, tag_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING");
        link.bind(1, claimId).bind(2, nameId(m_tags, "tag", tag));
        link.run();
    }
}

std::int64_t ClaimWriter::metricId(const std::string& name) {
    return nameId(m_metrics, "metric", name);
}
std::int64_t ClaimWriter::sourceId(const std::string& name) {
    return nameId(m_sources, "source", name);
}

// The id of the metric, source or tag with this name, created on first use.
std::int64_t ClaimWriter::nameId(std::map<std::string, std::int64_t>& cache, const char* table,
                                 const std::string& name) {
    if (const auto it = cache.find(name); it != cache.end())
        return it->second;
    const bool isTag = std::string_view(table) == "tag";
    const auto find = [&]() -> std::optional<std::int64_t> {
        Statement select = m_db.cached(fmt::format("SELECT id FROM {} WHERE name = ?1", table));
        select.bind(1, name);
        return select.step() ? std::optional(select.integer(0)) : std::nullopt;
    };
    std::optional<std::int64_t> found = find();
    if (!found) {
        // On a server, another writer may make the same name between the select and this insert (a file
        // has one writer at a time): then theirs is the one, found again below.
        Statement insert = m_db.cached(
            isTag ? std::string("INSERT INTO tag (name) VALUES (?1) ON CONFLICT (name) DO NOTHING")
                  : fmt::format("INSERT INTO {} (name, uuid) VALUES (?1, ?2) ON CONFLICT (name) DO NOTHING",
                                table));
        insert.bind(1, name);
        if (!isTag)
            insert.bind(2, newUuid());
        insert.run();
        found = find();
        if (!found)
            throw sql::Failure({ErrorCode::Database, fmt::format("the {} \"{}\" was not made", table, name)});
    }
    const std::int64_t id = *found;
    cache.emplace(name, id);
    return id;
}

const CodePointIndex& ClaimWriter::articleText(std::int64_t articleId) {
    if (const auto it = m_articles.find(articleId); it != m_articles.end())
        return it->second->index;
    auto loaded = std::make_unique<LoadedArticle>(readArticleText(m_db, articleId));
    return m_articles.emplace(articleId, std::move(loaded)).first->second->index;
}

}  // namespace claimtrack::db

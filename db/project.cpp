#include "project.h"
#include "schema.h"
#include "sqlite.h"
#include "text.h"

#include <fmt/format.h>

#include <map>

namespace claimtrack {

namespace fs = std::filesystem;
using sqlite::Connection;
using sqlite::Failure;
using sqlite::Statement;
using sqlite::Transaction;

namespace {

[[noreturn]] void refuse(ErrorCode code, std::string message) {
    throw Failure({code, std::move(message)});
}

// Runs `body`, turning a Failure thrown inside it into the Result's error.
template <class Body>
auto guarded(Body&& body) -> Result<decltype(body())> {
    try {
        if constexpr (std::is_void_v<decltype(body())>) {
            body();
            return {};
        } else {
            return body();
        }
    } catch (const Failure& failure) {
        return failure.error();
    }
}

template <class T>
T orRefuse(Result<T> result) {
    if (!result)
        throw Failure(result.error());
    if constexpr (!std::is_void_v<T>)
        return std::move(result).value();
}

// Checks the file is a Claimtrack project this build can read; returns its schema version.
std::int64_t checkIsProject(Connection& db) {
    const std::string file = db.path().string();
    const std::int64_t applicationId = db.queryInteger("PRAGMA application_id");  // NOTADB surfaces here
    const std::int64_t version = db.queryInteger("PRAGMA user_version");
    if (applicationId != db::kApplicationId) {
        if (db.queryInteger("SELECT count(*) FROM sqlite_schema") == 0)
            refuse(ErrorCode::NotAProject,
                   fmt::format("{} is not a Claimtrack project: it is an empty file", file));
        refuse(ErrorCode::NotAProject,
               fmt::format("{} is an SQLite database but not a Claimtrack project", file));
    }
    if (version > db::kSchemaVersion)
        refuse(ErrorCode::TooNew,
               fmt::format(
                   "{} was written by a newer version of Claimtrack (schema version {}; this version reads "
                   "up to {}); it was left untouched",
                   file, version, db::kSchemaVersion));
    return version;
}

void configureConnection(Connection& db, bool writing) {
    if (writing)
        db.exec("PRAGMA journal_mode = WAL");
    // WAL with synchronous=NORMAL: a crash of the process never loses a committed
    // transaction; a power cut may lose the last ones, but never corrupts the file.
    db.exec("PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536");
}

bool hasWritePermission(const fs::path& path) {
    const fs::perms perms = fs::status(path).permissions();
    return (perms & (fs::perms::owner_write | fs::perms::group_write | fs::perms::others_write)) !=
           fs::perms::none;
}

std::string defaultTitle(std::string_view text) {
    constexpr std::int64_t kMaxTitle = 200;
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        std::string line = normalizeField(text.substr(start, end - start));
        if (!line.empty()) {
            const CodePointIndex index(line);
            if (index.size() <= kMaxTitle)
                return line;
            return std::string(index.slice({0, kMaxTitle})) + "…";
        }
        start = end + 1;
    }
    return "Untitled";
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

Article readArticle(const Statement& row) {
    Article article;
    article.id = row.integer(0);
    article.uuid = row.text(1);
    article.meta = {row.text(2), row.text(3), row.text(4), row.text(5), row.text(6)};
    article.importedAt = row.text(7);
    article.sha256 = row.text(8);
    article.length = row.integer(9);
    article.claimCount = row.integer(10);
    return article;
}

constexpr const char* kSelectArticles = R"sql(
    SELECT a.id, a.uuid, a.title, a.author, a.publisher, a.url, a.published, a.imported_at, a.sha256, a.length,
           (SELECT count(*) FROM claim c WHERE c.article_id = a.id)
    FROM article a WHERE ?1 IS NULL OR a.id = ?1 ORDER BY a.id)sql";

constexpr char kTagListSeparator = '\x1f';  // tags are joined with the ASCII unit separator in SQL

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
    const std::string tags = row.text(24);
    for (std::size_t start = 0; start < tags.size();) {
        const std::size_t end = std::min(tags.find(kTagListSeparator, start), tags.size());
        f.tags.push_back(tags.substr(start, end - start));
        start = end + 1;
    }
    return claim;
}

constexpr const char* kSelectClaims = R"sql(
    SELECT c.id, c.uuid, c.article_id, a.uuid, a.title, a.publisher, a.url, a.published,
           c.start, c.end, c.quote, c.prefix, c.suffix, c.value, c.low, c.high, c.unit,
           m.name, s.name, c.as_of, c.status, c.note, c.created_at, c.updated_at,
           (SELECT group_concat(name, char(31)) FROM
               (SELECT t.name FROM claim_tag ct JOIN tag t ON t.id = ct.tag_id
                WHERE ct.claim_id = c.id ORDER BY t.name))
    FROM claim c
    JOIN article a ON a.id = c.article_id
    LEFT JOIN metric m ON m.id = c.metric_id
    LEFT JOIN source s ON s.id = c.source_id
    WHERE ?1 IS NULL OR c.article_id = ?1
    ORDER BY c.article_id, c.start, c.id)sql";

// Resolves names and article texts once per batch of claims.
class ClaimBatchWriter {
public:
    explicit ClaimBatchWriter(Connection& db) : m_db(db) {}

    std::int64_t write(const NewClaim& claim, const ClaimFields& fields, const std::string& now) {
        const CodePointIndex& text = articleText(claim.articleId);
        auto anchor = std::visit(
            [&](const auto& where) {
                if constexpr (std::is_same_v<std::decay_t<decltype(where)>, QuoteSelector>)
                    return findQuote(text, where.text, where.occurrence);
                else
                    return anchorAt(text, where);
            },
            claim.where);
        if (!anchor)
            refuse(ErrorCode::InvalidInput,
                   fmt::format("article {}: {}", claim.articleId, anchor.error().message));

        Statement& insert = m_db.cached(R"sql(
            INSERT INTO claim (uuid, article_id, start, end, quote, prefix, suffix, value, low, high, unit,
                               metric_id, source_id, as_of, status, note, created_at, updated_at)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?17))sql");
        insert.bind(1, newUuid()).bind(2, claim.articleId);
        insert.bind(3, anchor->range.start).bind(4, anchor->range.end);
        insert.bind(5, anchor->quote.exact).bind(6, anchor->quote.prefix).bind(7, anchor->quote.suffix);
        insert.bind(8, fields.value).bind(9, fields.low).bind(10, fields.high).bindOrNull(11, fields.unit);
        bindOptionalId(insert, 12,
                       fields.metric.empty() ? 0 : entityId(m_metrics, kMetricSql, fields.metric));
        bindOptionalId(insert, 13,
                       fields.source.empty() ? 0 : entityId(m_sources, kSourceSql, fields.source));
        insert.bindOrNull(14, fields.asOf).bind(15, toString(fields.status)).bindOrNull(16, fields.note);
        insert.bind(17, now);
        insert.run();
        const std::int64_t claimId = m_db.lastInsertId();

        for (const std::string& tag : fields.tags) {
            Statement& link =
                m_db.cached("INSERT OR IGNORE INTO claim_tag (claim_id, tag_id) VALUES (?1, ?2)");
            link.bind(1, claimId).bind(2, entityId(m_tags, kTagSql, tag));
            link.run();
        }
        return claimId;
    }

private:
    struct EntitySql {
        const char* select;
        const char* insert;
    };
    static constexpr EntitySql kMetricSql{"SELECT id FROM metric WHERE name = ?1",
                                          "INSERT INTO metric (uuid, name) VALUES (?2, ?1)"};
    static constexpr EntitySql kSourceSql{"SELECT id FROM source WHERE name = ?1",
                                          "INSERT INTO source (uuid, name) VALUES (?2, ?1)"};
    static constexpr EntitySql kTagSql{"SELECT id FROM tag WHERE name = ?1",
                                       "INSERT INTO tag (name) VALUES (?1)"};

    static void bindOptionalId(Statement& statement, int index, std::int64_t id) {
        if (id == 0)
            statement.bindNull(index);
        else
            statement.bind(index, id);
    }

    // The id of the metric, source or tag with this name, created on first use.
    std::int64_t entityId(std::map<std::string, std::int64_t>& cache, const EntitySql& sql,
                          const std::string& name) {
        if (const auto it = cache.find(name); it != cache.end())
            return it->second;
        Statement& select = m_db.cached(sql.select);
        select.bind(1, name);
        std::int64_t id = 0;
        if (select.step()) {
            id = select.integer(0);
        } else {
            Statement& insert = m_db.cached(sql.insert);
            insert.bind(1, name);
            if (sql.insert != kTagSql.insert)
                insert.bind(2, newUuid());
            insert.run();
            id = m_db.lastInsertId();
        }
        cache.emplace(name, id);
        return id;
    }

    const CodePointIndex& articleText(std::int64_t articleId) {
        if (const auto it = m_articles.find(articleId); it != m_articles.end())
            return it->second->index;
        Statement& select = m_db.cached("SELECT text FROM article WHERE id = ?1");
        select.bind(1, articleId);
        if (!select.step())
            refuse(ErrorCode::NotFound,
                   fmt::format("no article with id {} in {}", articleId, m_db.path().string()));
        auto loaded = std::make_unique<LoadedArticle>(select.text(0));
        return m_articles.emplace(articleId, std::move(loaded)).first->second->index;
    }

    struct LoadedArticle {
        explicit LoadedArticle(std::string t) : text(std::move(t)), index(text) {}
        std::string text;
        CodePointIndex index;  // views `text`; LoadedArticle is never moved (held by unique_ptr)
    };

    Connection& m_db;
    std::map<std::int64_t, std::unique_ptr<LoadedArticle>> m_articles;
    std::map<std::string, std::int64_t> m_metrics, m_sources, m_tags;
};

}  // namespace

Project::Project(std::unique_ptr<Connection> connection) : m_db(std::move(connection)) {}
Project::Project(Project&&) noexcept = default;
Project& Project::operator=(Project&&) noexcept = default;
Project::~Project() = default;

const fs::path& Project::path() const {
    return m_db->path();
}

Result<Project> Project::create(const fs::path& path) {
    std::error_code ec;
    if (fs::exists(path, ec) || fs::is_symlink(path, ec))
        return makeError(
            ErrorCode::InvalidInput,
            fmt::format("{} already exists; choose a new file name for the project", path.string()));
    auto created = guarded([&] {
        auto db = std::make_unique<Connection>(path, Connection::Access::Create, kDefaultBusyTimeoutMs);
        configureConnection(*db, true);
        db::migrate(*db, 0);
        return Project(std::move(db));
    });
    if (!created)
        fs::remove(path, ec);  // it did not exist before, so nothing of the user's is lost
    return created;
}

Result<Project> Project::open(const fs::path& path, Access access, int busyTimeoutMs) {
    return guarded([&] {
        const std::string file = path.string();
        std::error_code ec;
        if (!fs::exists(path, ec))
            refuse(ErrorCode::NotFound,
                   fmt::format("project file {} does not exist (create one with: claimtrack-cli init {})",
                               file, file));
        if (fs::is_directory(path, ec))
            refuse(ErrorCode::NotAProject, fmt::format("{} is a folder, not a project file", file));
        const bool writing = access == Access::ReadWrite;
        if (writing && !hasWritePermission(path))
            refuse(ErrorCode::ReadOnly,
                   fmt::format("project file {} is read-only (it has no write permission)", file));

        // Readers open read-write where the file allows it, so that the last
        // connection to close can checkpoint and remove the -wal and -shm files.
        const bool canWrite = writing || hasWritePermission(path);
        auto db = std::make_unique<Connection>(
            path, canWrite ? Connection::Access::ReadWrite : Connection::Access::ReadOnly, busyTimeoutMs);
        const std::int64_t version = checkIsProject(*db);
        if (writing && db->isReadOnly())
            refuse(ErrorCode::ReadOnly, fmt::format("project file {} is read-only", file));
        configureConnection(*db, writing);
        if (writing)
            db::migrate(*db, version);
        else if (version < db::kSchemaVersion)
            refuse(
                ErrorCode::ReadOnly,
                fmt::format("project file {} uses an older schema (version {}); open it once for writing to "
                            "upgrade it",
                            file, version));
        return Project(std::move(db));
    });
}

ImportedArticle Project::insertArticle(const std::string& text, ArticleMeta meta) {
    meta = validateMeta(std::move(meta));
    if (meta.title.empty())
        meta.title = defaultTitle(text);
    const std::string hash = sha256Hex(text);

    Statement& existing = m_db->cached("SELECT id, title FROM article WHERE sha256 = ?1");
    existing.bind(1, hash);
    if (existing.step())
        return ImportedArticle{existing.integer(0), existing.text(1), true};

    Statement& insert = m_db->cached(R"sql(
        INSERT INTO article (uuid, title, author, publisher, url, published, imported_at, text, sha256, length)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10))sql");
    insert.bind(1, newUuid()).bind(2, meta.title).bindOrNull(3, meta.author).bindOrNull(4, meta.publisher);
    insert.bindOrNull(5, meta.url).bindOrNull(6, meta.published).bind(7, nowUtc()).bind(8, text);
    insert.bind(9, hash).bind(10, codePointCount(text));
    insert.run();
    return ImportedArticle{m_db->lastInsertId(), meta.title, false};
}

Result<ImportedArticle> Project::importArticle(std::string_view bytes, ArticleMeta meta,
                                               std::string_view what) {
    const ArticleSource source{std::string(what), std::move(meta),
                               [&] { return Result<std::string>(std::string(bytes)); }};
    std::optional<Result<ImportedArticle>> outcome;
    auto imported = importArticles(
        std::span(&source, 1),
        [&](const ArticleSource&, const Result<ImportedArticle>& result) { outcome = result; });
    if (!imported)
        return imported.error();
    return *outcome;
}

Result<void> Project::importArticles(std::span<const ArticleSource> sources, const ImportReport& report) {
    std::size_t next = 0;
    while (next < sources.size()) {
        // One group: its outcomes are held back until its transaction commits.
        std::vector<std::pair<const ArticleSource*, Result<ImportedArticle>>> outcomes;
        auto group = guarded([&] {
            Transaction transaction(*m_db);
            const auto deadline = std::chrono::steady_clock::now() + kImportGroupTime;
            while (next < sources.size() && outcomes.size() < kImportGroupSize &&
                   std::chrono::steady_clock::now() < deadline) {
                const ArticleSource& source = sources[next++];
                auto bytes = source.read();
                auto text =
                    bytes ? normalizeArticleText(*bytes, source.name) : Result<std::string>(bytes.error());
                if (!text) {
                    outcomes.emplace_back(&source, text.error());
                    continue;
                }
                try {
                    outcomes.emplace_back(&source, insertArticle(*text, source.meta));
                } catch (const Failure& failure) {
                    if (failure.error().code != ErrorCode::InvalidInput)
                        throw;  // the project cannot be written: give up the group
                    outcomes.emplace_back(&source, failure.error());
                }
            }
            transaction.commit();
        });
        if (!group)
            return group.error();
        for (const auto& [source, outcome] : outcomes)
            report(*source, outcome);
    }
    return {};
}

Result<std::vector<Article>> Project::articles() {
    return guarded([&] {
        Statement& select = m_db->cached(kSelectArticles);
        std::vector<Article> articles;
        while (select.step())
            articles.push_back(readArticle(select));
        return articles;
    });
}

Result<Article> Project::article(std::int64_t id) {
    return guarded([&] {
        Statement& select = m_db->cached(kSelectArticles);
        select.bind(1, id);
        if (!select.step())
            refuse(ErrorCode::NotFound, fmt::format("no article with id {} in {}", id, path().string()));
        return readArticle(select);
    });
}

Result<std::string> Project::articleText(std::int64_t id) {
    return guarded([&] {
        Statement& select = m_db->cached("SELECT text FROM article WHERE id = ?1");
        select.bind(1, id);
        if (!select.step())
            refuse(ErrorCode::NotFound, fmt::format("no article with id {} in {}", id, path().string()));
        return select.text(0);
    });
}

Result<std::vector<std::int64_t>> Project::addClaims(std::span<const NewClaim> claims) {
    return guarded([&] {
        std::vector<ClaimFields> fields;
        fields.reserve(claims.size());
        for (const NewClaim& claim : claims)
            fields.push_back(orRefuse(validateClaimFields(claim.fields)));

        const std::string now = nowUtc();
        Transaction transaction(*m_db);
        ClaimBatchWriter writer(*m_db);
        std::vector<std::int64_t> ids;
        ids.reserve(claims.size());
        for (std::size_t i = 0; i < claims.size(); ++i)
            ids.push_back(writer.write(claims[i], fields[i], now));
        transaction.commit();
        return ids;
    });
}

Result<std::int64_t> Project::addClaim(const NewClaim& claim) {
    auto ids = addClaims(std::span(&claim, 1));
    if (!ids)
        return ids.error();
    return ids->front();
}

Result<void> Project::forEachClaim(const ClaimFilter& filter,
                                   const std::function<void(const ClaimRecord&)>& visit) {
    return guarded([&] {
        Statement select(*m_db, kSelectClaims);  // not cached: a visitor may query the project again
        if (filter.articleId)
            select.bind(1, *filter.articleId);
        while (select.step())
            visit(readClaim(select));
    });
}

Result<std::vector<ClaimRecord>> Project::claims(const ClaimFilter& filter) {
    std::vector<ClaimRecord> claims;
    auto visited = forEachClaim(filter, [&](const ClaimRecord& claim) { claims.push_back(claim); });
    if (!visited)
        return visited.error();
    return claims;
}

}  // namespace claimtrack

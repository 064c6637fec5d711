#include "project.h"
#include "guarded.h"
#include "records.h"
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
using namespace db;

namespace {

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
    db.exec("PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL");
    // Writers insert into several indexes at random places (UUIDs); a 64 MiB page
    // cache made recording a million claims a quarter faster. Readers stream and
    // keep SQLite's small default.
    if (writing)
        db.exec("PRAGMA cache_size = -65536");
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
    return guarded([&] { return readArticleText(*m_db, id); });
}

Result<std::int64_t> Project::articleCount() {
    return guarded([&] { return m_db->queryInteger("SELECT count(*) FROM article"); });
}

Result<std::vector<ArticleWithText>> Project::deleteArticles(std::span<const std::int64_t> ids) {
    return guarded([&] {
        Transaction transaction(*m_db);
        std::vector<ArticleWithText> deleted;
        for (const std::int64_t id : ids) {
            Article article = orRefuse(this->article(id));
            if (article.claimCount > 0)
                refuse(ErrorCode::InvalidInput,
                       fmt::format("article {} has {} claims; delete them first", id, article.claimCount));
            deleted.push_back({std::move(article), orRefuse(articleText(id))});
            Statement& remove = m_db->cached("DELETE FROM article WHERE id = ?1");
            remove.bind(1, id);
            remove.run();
        }
        transaction.commit();
        return deleted;
    });
}

Result<void> Project::restoreArticles(std::span<const ArticleWithText> articles) {
    return guarded([&] {
        Transaction transaction(*m_db);
        for (const auto& [article, text] : articles) {
            Statement& insert = m_db->cached(R"sql(
                INSERT INTO article (id, uuid, title, author, publisher, url, published, imported_at, text, sha256,
                                     length)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11))sql");
            const ArticleMeta& meta = article.meta;
            insert.bind(1, article.id).bind(2, article.uuid).bind(3, meta.title).bindOrNull(4, meta.author);
            insert.bindOrNull(5, meta.publisher).bindOrNull(6, meta.url).bindOrNull(7, meta.published);
            insert.bind(8, article.importedAt)
                .bind(9, text)
                .bind(10, article.sha256)
                .bind(11, article.length);
            insert.run();
        }
        transaction.commit();
    });
}

}  // namespace claimtrack

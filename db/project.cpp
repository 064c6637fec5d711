#include "project.h"
#include "guarded.h"
#include "postgres.h"
#include "records.h"
#include "schema.h"
#include "schema_server.h"
#include "server_roles.h"
#include "sqlite.h"
#include "text.h"

#include <fmt/format.h>

#include <map>
#include <set>

#include <sys/statvfs.h>
#include <unistd.h>

namespace claimtrack {

namespace fs = std::filesystem;
using sql::Failure;
using sql::Statement;
using sql::Transaction;
using sqlite::Connection;
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
    // Once checkpointed, the log is cut back to 4 MiB rather than kept at its largest size.
    db.exec("PRAGMA journal_size_limit = 4194304");
    // WAL with synchronous=NORMAL: a crash of the process never loses a committed
    // transaction; a power cut may lose the last ones, but never corrupts the file.
    db.exec("PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; PRAGMA temp_store = MEMORY");
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

// Why the project at `path` cannot be written, or "" when it can. Judged by the permission bits as
// well as by the system, since root (as the tests run here) may write what has no write bit.
std::string whyReadOnly(const fs::path& path) {
    struct statvfs disk {};
    if (::statvfs(path.c_str(), &disk) == 0 && (disk.f_flag & ST_RDONLY))
        return "it is on a read-only disk";
    if (!hasWritePermission(path))
        return "it has no write permission";
    const fs::path folder = fs::absolute(path).parent_path();
    if (!hasWritePermission(folder) || ::access(folder.c_str(), W_OK) != 0)
        return fmt::format("its folder {} cannot be written", folder.string());
    return {};
}

// A line a web page's text starts with that is the page's furniture, not the article's title: a link to
// skip its navigation, a menu word, a news ticker.
bool isPageFurniture(std::string_view line) {
    std::string words;
    for (const char c : line)
        if (std::isalnum(static_cast<unsigned char>(c)) || c == ' ')
            words += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    static const std::set<std::string, std::less<>> kFurniture{"skip to content",
                                                               "skip to main content",
                                                               "skip to navigation",
                                                               "skip navigation",
                                                               "jump to content",
                                                               "toggle navigation",
                                                               "main menu",
                                                               "menu",
                                                               "open menu",
                                                               "close menu",
                                                               "search",
                                                               "sign in",
                                                               "log in",
                                                               "subscribe",
                                                               "home",
                                                               "advertisement",
                                                               "share",
                                                               "close"};
    return kFurniture.contains(words) || words.starts_with("breaking news");
}

std::string defaultTitle(std::string_view text) {
    constexpr std::int64_t kMaxTitle = 200;
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        std::string line = normalizeField(text.substr(start, end - start));
        if (!line.empty() && !isPageFurniture(line)) {
            const CodePointIndex index(line);
            if (index.size() <= kMaxTitle)
                return line;
            return std::string(index.slice({0, kMaxTitle})) + "…";
        }
        start = end + 1;
    }
    return "Untitled";
}

ArticleOriginal originalOf(const ArticleSource& source, const std::string& bytes) {
    ArticleOriginal original{fs::path(source.name).filename().string(),
                             static_cast<std::int64_t>(bytes.size()),
                             sha256Hex(bytes),
                             std::nullopt,
                             {}};
    if (source.keepBytes || source.path.empty())
        original.bytes = bytes;
    else
        original.path = source.path;
    return original;
}

}  // namespace

bool isServerLocation(std::string_view location) {
    return postgres::isServerLocation(location);
}

std::string displayedLocation(const std::string& location) {
    return isServerLocation(location) ? postgres::displayLocation(location) : location;
}

Project::Project(std::unique_ptr<sql::Connection> connection, fs::path path)
    : m_db(std::move(connection)), m_path(std::move(path)) {}
Project::Project(Project&&) noexcept = default;
Project& Project::operator=(Project&&) noexcept = default;
Project::~Project() = default;

const fs::path& Project::path() const {
    return m_path;
}

bool Project::connectionIsIdle() const {
    return m_db->isIdle();
}

Result<std::int64_t> Project::dataVersion() {
    return guarded([&] {
        if (m_db->dialect() == sql::Dialect::Sqlite)
            return m_db->queryInteger("PRAGMA data_version");
        if (auto& server = static_cast<postgres::Connection&>(*m_db); server.isListening())
            return server.noticesFromOthers();
        // A project an older build put on the server, opened to read, sends no notices: what the last
        // change left behind.
        return m_db->queryInteger("SELECT (SELECT coalesce(max(id), 0) FROM history) * 1000003 + "
                                  "(SELECT count(*) FROM article)");
    });
}

Result<bool> Project::reconnectIfLost() {
    if (m_db->dialect() == sql::Dialect::Sqlite)
        return false;
    return guarded([&] { return static_cast<postgres::Connection&>(*m_db).reconnectIfLost(); });
}

// A project on a PostgreSQL server: the database (or the schema the connection works in) holds it. It is
// named in messages by its address without a password.
Result<Project> Project::createOnServer(const std::string& location) {
    return guarded([&] {
        auto db = std::make_unique<postgres::Connection>(location);
        db::createServerSchema(*db);
        db::startHistory(*db, db::givenUserName().value_or(""));  // none given: the database role
        db->listen(db::changeChannel(*db));
        const std::string name = db->name();
        return Project(std::move(db), name);
    });
}

Result<Project> Project::openOnServer(const std::string& location, Access access) {
    return guarded([&] {
        auto db = std::make_unique<postgres::Connection>(location);
        db::refuseUnlessReadable(*db);
        const std::int64_t version = db::serverSchemaVersion(*db);
        if (version < db::kFirstServerSchemaVersion)
            refuse(ErrorCode::NotAProject,
                   fmt::format("{} holds a project of schema version {}, which no version of Claimtrack "
                               "wrote on a server",
                               db->name(), version));
        // What an older build left out is added by the first owner to open the project for writing.
        const ProjectRole role = db::serverRole(*db);
        const bool upgrading = access == Access::ReadWrite && role == ProjectRole::Owner;
        if (upgrading && version < db::kSchemaVersion)
            db::migrateServerSchema(*db, version);
        if (upgrading && !db::hasServerSearch(*db))
            db::addServerSearch(*db);
        const bool notices = db::hasChangeNotices(*db);
        if (upgrading && !notices)
            db::addChangeNotices(*db);
        if (notices || upgrading)
            db->listen(db::changeChannel(*db));
        if (access == Access::ReadWrite)  // with no name given, the history names the database role
            db::startHistory(*db, db::givenUserName().value_or(""));
        else  // the server itself refuses what a reader tries to write
            db->setForSession("default_transaction_read_only", "on");
        const std::string name = db->name();
        Project project(std::move(db), name);
        project.learnRole(role);
        return project;
    });
}

Result<Project> Project::create(const fs::path& path) {
    if (isServerLocation(path.string()))
        return createOnServer(path.string());
    std::error_code ec;
    if (fs::exists(path, ec) || fs::is_symlink(path, ec))
        return makeError(
            ErrorCode::InvalidInput,
            fmt::format("{} already exists; choose a new file name for the project", path.string()));
    auto created = guarded([&] {
        auto db = std::make_unique<Connection>(path, Connection::Access::Create, kDefaultBusyTimeoutMs);
        configureConnection(*db, true);
        db::migrate(*db, 0);
        db::startHistory(*db, db::defaultUserName());
        return Project(std::move(db), path);
    });
    if (!created)
        fs::remove(path, ec);  // it did not exist before, so nothing of the user's is lost
    return created;
}

Result<Project> Project::open(const fs::path& path, Access access, int busyTimeoutMs) {
    if (isServerLocation(path.string()))
        return openOnServer(path.string(), access);
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
        const std::string readOnly = whyReadOnly(path);
        if (writing && !readOnly.empty())
            refuse(ErrorCode::ReadOnly, fmt::format("project file {} is read-only: {}", file, readOnly));

        // Readers open read-write where the file allows it, so that the last connection to close can
        // checkpoint and remove the -wal and -shm files. Where it cannot be written, reading must not
        // need a write either: with no log to read, the file is opened immutable and nothing is left
        // beside it; with one (left by a writer that stopped), SQLite reads the log as it is.
        const auto how = readOnly.empty()                ? Connection::Access::ReadWrite
                         : fs::exists(file + "-wal", ec) ? Connection::Access::ReadOnly
                                                         : Connection::Access::Immutable;
        auto db = std::make_unique<Connection>(path, how, busyTimeoutMs);
        const std::int64_t version = checkIsProject(*db);
        if (writing && db->isReadOnly())
            refuse(ErrorCode::ReadOnly, fmt::format("project file {} is read-only", file));
        configureConnection(*db, writing);
        if (writing) {
            db::migrate(*db, version);
            db::startHistory(*db, db::defaultUserName());
        } else if (version < db::kOldestReadableVersion)
            refuse(
                ErrorCode::ReadOnly,
                fmt::format("project file {} uses an older schema (version {}); open it once for writing to "
                            "upgrade it",
                            file, version));
        return Project(std::move(db), path);
    });
}

ImportedArticle Project::insertArticle(const ImportedDocument& document, ArticleMeta meta,
                                       const std::optional<ArticleOriginal>& original,
                                       std::int64_t newVersionOf) {
    // What the user gave wins over what the file says of itself.
    ArticleMeta found = document.meta;
    if (!parsePartialDate(found.published, "date"))
        found.published.clear();  // a file's own date that is no date is left out, not refused
    for (auto [given, own] : {std::pair{&meta.title, &found.title},
                              {&meta.author, &found.author},
                              {&meta.publisher, &found.publisher},
                              {&meta.url, &found.url},
                              {&meta.published, &found.published}})
        if (given->empty())
            *given = *own;
    meta = validateMeta(std::move(meta));
    const std::string& text = document.text;
    if (meta.title.empty())
        meta.title = defaultTitle(text);
    const std::string hash = sha256Hex(text);

    Statement existing = m_db->cached("SELECT id, title FROM article WHERE sha256 = ?1");
    existing.bind(1, hash);
    if (existing.step())
        return ImportedArticle{existing.integer(0), existing.text(1), true, {}, {}};
    const std::int64_t previous = latestVersionOf(newVersionOf, meta.url);

    Statement insert = m_db->cached(R"sql(
        INSERT INTO article (uuid, title, author, publisher, url, published, imported_at, text, sha256, length,
                             format, encoding)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12))sql");
    insert.bind(1, newUuid()).bind(2, meta.title).bindOrNull(3, meta.author).bindOrNull(4, meta.publisher);
    insert.bindOrNull(5, meta.url).bindOrNull(6, meta.published).bind(7, nowUtc()).bind(8, text);
    insert.bind(9, hash).bind(10, codePointCount(text)).bind(11, toString(document.format));
    insert.bindOrNull(12, document.encoding);
    insert.run();
    const std::int64_t id = m_db->lastInsertId();
    writeOriginalAndPages(*m_db, id, original, document.pageStarts);
    return ImportedArticle{id, meta.title, false,
                           document.encodingGuessed ? document.encoding : std::string(),
                           previous != 0 ? std::optional(addVersion(previous, id)) : std::nullopt};
}

Result<ImportedArticle> Project::importArticle(std::string_view bytes, ArticleMeta meta,
                                               std::string_view what) {
    const ArticleSource source{std::string(what),
                               std::move(meta),
                               [&] { return Result<std::string>(std::string(bytes)); },
                               {},
                               true};
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
                if (!bytes) {
                    outcomes.emplace_back(&source, bytes.error());
                    continue;
                }
                // The same file imported before is found by its bytes, before reading it again.
                const ArticleOriginal original = originalOf(source, *bytes);
                Statement same = m_db->cached(
                    "SELECT a.id, a.title FROM article_original o JOIN article a ON a.id = o.article_id "
                    "WHERE o.sha256 = ?1 AND o.size = ?2");
                same.bind(1, original.sha256).bind(2, original.size);
                if (same.step()) {
                    outcomes.emplace_back(&source,
                                          ImportedArticle{same.integer(0), same.text(1), true, {}, {}});
                    continue;
                }
                auto document = readDocument(*bytes, source.name);
                if (!document) {
                    outcomes.emplace_back(&source, document.error());
                    continue;
                }
                // Each article lands whole or not at all, within the group's transaction.
                m_db->exec("SAVEPOINT article");
                try {
                    outcomes.emplace_back(
                        &source, insertArticle(*document, source.meta, original, source.newVersionOf));
                    m_db->exec("RELEASE article");
                } catch (const Failure& failure) {
                    if (failure.error().code != ErrorCode::InvalidInput)
                        throw;  // the project cannot be written: give up the group
                    m_db->exec("ROLLBACK TO article; RELEASE article");
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
        Statement select = m_db->cached(kSelectArticles);
        std::vector<Article> articles;
        while (select.step())
            articles.push_back(readArticle(select));
        return articles;
    });
}

Result<Article> Project::article(std::int64_t id) {
    return guarded([&] {
        Statement select = m_db->cached(kSelectArticles);
        select.bind(1, id);
        if (!select.step())
            refuse(ErrorCode::NotFound, fmt::format("no article with id {} in {}", id, path().string()));
        return readArticle(select);
    });
}

Result<std::string> Project::articleText(std::int64_t id) {
    return guarded([&] { return readArticleText(*m_db, id); });
}

Result<std::optional<ArticleOriginal>> Project::articleOriginal(std::int64_t id) {
    return guarded([&] {
        Statement select =
            m_db->cached("SELECT file_name, size, sha256, bytes, coalesce(path, ''), bytes IS NOT NULL "
                         "FROM article_original WHERE article_id = ?1");
        select.bind(1, id);
        std::optional<ArticleOriginal> original;
        if (select.step()) {
            original = ArticleOriginal{select.text(0), select.integer(1), select.text(2), std::nullopt,
                                       select.text(4)};
            if (select.integer(5))
                original->bytes = select.blob(3);
        }
        return original;
    });
}

Result<std::vector<std::int64_t>> Project::articlePages(std::int64_t id) {
    return guarded([&] {
        Statement select = m_db->cached("SELECT start FROM article_page WHERE article_id = ?1 ORDER BY page");
        select.bind(1, id);
        std::vector<std::int64_t> starts;
        while (select.step())
            starts.push_back(select.integer(0));
        return starts;
    });
}

Result<std::int64_t> Project::articleCount() {
    return guarded([&] { return m_db->queryInteger("SELECT count(*) FROM article"); });
}

}  // namespace claimtrack

// Project: bringing in other tools' work: a REFI-QDA project, W3C Web Annotations, a reference manager's
// references.
#include "guarded.h"
#include "project.h"
#include "records.h"

#include <fmt/format.h>

#include <map>
#include <optional>

namespace claimtrack {

using namespace db;
using sql::Statement;
using sql::Transaction;

namespace {

// The claims recorded before an import began: an imported claim on the same words as one of them is
// passed over, so a file imported twice adds nothing, while two selections on the same words in one file
// are two claims.
class RecordedBefore {
public:
    explicit RecordedBefore(sql::Connection& db)
        : m_db(db), m_lastId(db.queryInteger("SELECT coalesce(max(id), 0) FROM claim")) {}
    bool has(std::int64_t articleId, CodePointRange range) {
        Statement recorded = m_db.cached(
            "SELECT 1 FROM claim WHERE article_id = ?1 AND start = ?2 AND \"end\" = ?3 AND id <= ?4");
        recorded.bind(1, articleId).bind(2, range.start).bind(3, range.end).bind(4, m_lastId);
        return recorded.step();
    }

private:
    sql::Connection& m_db;
    std::int64_t m_lastId;
};

// The claim's fields from its codes and notes: the groups Claimtrack exports give metric, source and
// status; any other code is a tag.
ClaimFields fieldsOf(const QdaSelection& selection) {
    ClaimFields fields;
    for (const auto& [parent, name] : selection.codes) {
        if (parent == "Metrics" && fields.metric.empty())
            fields.metric = name;
        else if (parent == "Sources" && fields.source.empty())
            fields.source = name;
        else if (auto status = parseClaimStatus(name); parent == "Status" && status)
            fields.status = *status;
        else
            fields.tags.push_back(name);
    }
    for (const std::string& note : selection.notes)
        fields.note += (fields.note.empty() ? "" : "\n\n") + note;
    return fields;
}

// How many times `words` occur in `text` before code point `start`: to find the same words again in the
// text as stored, when storing changed it (normalised to NFC, line ends to LF).
int occurrenceAt(const std::u32string& text, const std::u32string& words, std::size_t start) {
    int occurrence = 1;
    for (std::size_t at = text.find(words); at != std::u32string::npos && at < start;
         at = text.find(words, at + 1))
        ++occurrence;
    return occurrence;
}

// How many code points agree at the ends of `a` and `b` (two prefixes: their ends meet the quote), and at
// their starts (two suffixes).
std::size_t agreeing(std::u32string_view a, std::u32string_view b) {
    std::size_t n = 0;
    while (n < a.size() && n < b.size() && a[a.size() - 1 - n] == b[b.size() - 1 - n])
        ++n;
    return n;
}
std::size_t agreeingStart(std::u32string_view a, std::u32string_view b) {
    std::size_t n = 0;
    while (n < a.size() && n < b.size() && a[n] == b[n])
        ++n;
    return n;
}

// Where an annotation's words are in the text, or why they cannot be found.
Result<CodePointRange> place(const CodePointIndex& text, const ReadAnnotation& annotation) {
    if (annotation.position) {
        auto at = anchorAt(text, *annotation.position);
        if (at && (!annotation.quote || at->quote.exact == annotation.quote->exact))
            return at->range;
    }
    if (!annotation.quote)
        return makeError(ErrorCode::NotFound, "its position is outside the article, and it has no quote");
    // Of the quote's occurrences, the one whose prefix and suffix agree with the annotation's most.
    const std::u32string prefix = toCodePoints(annotation.quote->prefix);
    const std::u32string suffix = toCodePoints(annotation.quote->suffix);
    std::optional<CodePointRange> best;
    std::size_t bestScore = 0;
    // Each occurrence is looked for from the text's start: a quote found more than a few hundred times (a
    // word, not a passage) would make that slow, and its prefix and suffix decide among the first ones.
    constexpr int kOccurrencesWeighed = 500;
    for (int occurrence = 1; occurrence <= kOccurrencesWeighed; ++occurrence) {
        auto found = findQuote(text, annotation.quote->exact, occurrence);
        if (!found)
            break;
        const std::size_t score = agreeing(toCodePoints(found->quote.prefix), prefix) +
                                  agreeingStart(toCodePoints(found->quote.suffix), suffix);
        if (!best || score > bestScore)
            best = found->range, bestScore = score;
    }
    if (!best)
        return makeError(ErrorCode::NotFound, "its words are not in the article");
    return *best;
}

}  // namespace

Result<AnnotationsImported> Project::importAnnotations(std::span<const ReadAnnotation> annotations) {
    return guarded([&] {
        AnnotationsImported imported;
        std::map<std::string, std::int64_t> articleOf;  // by URL and by "urn:uuid:…"
        Statement articles(*m_db, "SELECT id, uuid, coalesce(url, '') FROM article");
        while (articles.step()) {
            articleOf["urn:uuid:" + articles.text(1)] = articles.integer(0);
            if (!articles.text(2).empty())
                articleOf.try_emplace(articles.text(2), articles.integer(0));
        }
        const std::string now = nowUtc();
        Transaction transaction(*m_db);
        RecordedBefore recorded(*m_db);
        ClaimWriter writer(*m_db);
        std::int64_t shownArticle = 0;
        std::string text;
        std::optional<CodePointIndex> index;
        for (std::size_t i = 0; i < annotations.size(); ++i) {
            const ReadAnnotation& annotation = annotations[i];
            const std::string which =
                annotation.id.empty() ? fmt::format("annotation {}", i + 1) : "annotation " + annotation.id;
            const auto article = articleOf.find(annotation.source);
            if (article == articleOf.end()) {
                imported.unplaced.push_back(
                    fmt::format("{}: no article in the project is {}", which, annotation.source));
                continue;
            }
            if (article->second != shownArticle) {
                shownArticle = article->second;
                text = readArticleText(*m_db, shownArticle);
                index.emplace(text);
            }
            const auto range = place(*index, annotation);
            auto fields = validateClaimFields(annotation.fields);
            if (!range || !fields) {
                imported.unplaced.push_back(
                    fmt::format("{}: {}", which, (!range ? range.error() : fields.error()).message));
                continue;
            }
            if (recorded.has(shownArticle, *range)) {
                ++imported.claimsPresent;
                continue;
            }
            writer.insert(NewClaim{shownArticle, *range, {}}, *fields, now);
            ++imported.claims;
        }
        transaction.commit();
        return imported;
    });
}

Result<QdaImported> Project::importQdaProject(const QdaProject& qda) {
    return guarded([&] {
        QdaImported imported;
        const std::string now = nowUtc();
        Transaction transaction(*m_db);
        RecordedBefore recorded(*m_db);
        ClaimWriter writer(*m_db);
        for (const QdaSource& source : qda.sources) {
            auto document = readDocument(source.text, source.name + ".txt");  // read as a text file is
            if (!document)
                refuse(ErrorCode::InvalidInput,
                       fmt::format("source \"{}\": {}", source.name, document.error().message));
            ArticleMeta meta;
            meta.title = source.name;
            const ImportedArticle article = insertArticle(*document, meta, std::nullopt);
            ++(article.alreadyPresent ? imported.articlesPresent : imported.articles);
            const bool same = document->text == source.text;
            const std::u32string original = same ? std::u32string() : toCodePoints(source.text);
            for (const QdaSelection& selection : source.selections) {
                NewClaim claim{article.id, CodePointRange{selection.start, selection.end},
                               fieldsOf(selection)};
                if (!same) {
                    const std::u32string words =
                        original.substr(static_cast<std::size_t>(selection.start),
                                        static_cast<std::size_t>(selection.end - selection.start));
                    claim.where =
                        QuoteSelector{toUtf8(words), occurrenceAt(original, words,
                                                                  static_cast<std::size_t>(selection.start))};
                }
                const Anchor anchor = writer.anchor(article.id, claim.where);
                if (recorded.has(article.id, anchor.range)) {
                    ++imported.claimsPresent;
                    continue;
                }
                claim.where = anchor.range;
                auto fields = validateClaimFields(claim.fields);
                if (!fields)
                    refuse(ErrorCode::InvalidInput,
                           fmt::format("source \"{}\", selection \"{}\": {}", source.name, anchor.quote.exact,
                                       fields.error().message));
                writer.insert(claim, *fields, now);
                ++imported.claims;
            }
        }
        transaction.commit();
        return imported;
    });
}

}  // namespace claimtrack

namespace claimtrack {

Result<ReferencesImported> Project::importReferences(
    std::span<const Reference> references,
    const std::function<Result<std::string>(const std::string& attachment)>& readAttachment) {
    return guarded([&] {
        ReferencesImported imported;
        Transaction transaction(*m_db);
        for (const Reference& reference : references) {
            // Articles keep no DOI of their own, but a DOI link ("https://doi.org/10.1080/…") or a
            // publisher's page ("…/doi/full/10.1080/…") carries it in the URL; DOIs are ASCII and match
            // without case.
            ArticleMeta given = reference.meta;
            if (given.url.empty() && !reference.doi.empty())
                given.url = "https://doi.org/" + reference.doi;
            Statement match = m_db->cached(R"sql(
                SELECT id FROM article
                WHERE (?1 <> '' AND url = ?1) OR (?3 <> '' AND instr(lower(url), lower(?3)) > 0)
                      OR title = ?2 COLLATE NOCASE
                ORDER BY (?1 <> '' AND url = ?1) DESC, (?3 <> '' AND instr(lower(url), lower(?3)) > 0) DESC, id
                LIMIT 1)sql");
            match.bind(1, given.url).bind(2, given.title).bind(3, reference.doi);
            if (match.step()) {
                const std::int64_t id = match.integer(0);
                match.reset();
                Statement select = m_db->cached(kSelectArticles);
                select.bind(1, id);
                select.step();
                const Article article = readArticle(select);
                select.reset();
                ArticleMeta meta =
                    article.meta;  // what the researcher wrote stays; only what is empty is filled
                for (auto [own, theirs] : {std::pair{&meta.author, &given.author},
                                           {&meta.publisher, &given.publisher},
                                           {&meta.url, &given.url},
                                           {&meta.published, &given.published}})
                    if (own->empty())
                        *own = *theirs;
                if (meta == article.meta) {
                    ++imported.unchanged;
                    continue;
                }
                meta = validateMeta(std::move(meta));
                Statement update = m_db->cached(
                    "UPDATE article SET author = ?2, publisher = ?3, url = ?4, published = ?5 WHERE id = ?1");
                update.bind(1, id).bindOrNull(2, meta.author).bindOrNull(3, meta.publisher);
                update.bindOrNull(4, meta.url).bindOrNull(5, meta.published);
                update.run();
                ++imported.filled;
                continue;
            }
            match.reset();
            if (reference.attachment.empty()) {
                imported.unmatched.push_back(
                    fmt::format("reference \"{}\": no article has its URL, DOI or title, and "
                                "it names no attachment to add",
                                given.title));
                continue;
            }
            auto bytes = readAttachment(reference.attachment);
            auto document =
                bytes ? readDocument(*bytes, reference.attachment) : Result<ImportedDocument>(bytes.error());
            if (!document) {
                imported.unmatched.push_back(
                    fmt::format("reference \"{}\": {}", given.title, document.error().message));
                continue;
            }
            const ImportedArticle added = insertArticle(*document, given, std::nullopt);
            if (!added.alreadyPresent)
                ++imported.added;
            else
                ++imported.unchanged;
        }
        transaction.commit();
        return imported;
    });
}

}  // namespace claimtrack

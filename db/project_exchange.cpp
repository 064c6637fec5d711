// Project: importing another tool's project (REFI-QDA).
#include "guarded.h"
#include "project.h"
#include "records.h"

#include <fmt/format.h>

namespace claimtrack {

using namespace db;
using sqlite::Statement;
using sqlite::Transaction;

namespace {

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

}  // namespace

Result<QdaImported> Project::importQdaProject(const QdaProject& qda) {
    return guarded([&] {
        QdaImported imported;
        const std::string now = nowUtc();
        Transaction transaction(*m_db);
        // Claims already recorded are those from before this import: two selections on the same words in
        // one file are two claims.
        const std::int64_t before = m_db->queryInteger("SELECT coalesce(max(id), 0) FROM claim");
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
                Statement recorded = m_db->cached(
                    "SELECT 1 FROM claim WHERE article_id = ?1 AND start = ?2 AND end = ?3 AND id <= ?4");
                recorded.bind(1, article.id)
                    .bind(2, anchor.range.start)
                    .bind(3, anchor.range.end)
                    .bind(4, before);
                if (recorded.step()) {
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

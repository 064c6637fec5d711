// versions, diff, carries and carry: the versions of an article, what changed between two, and the claims
// waiting for the researcher after a new version.
#include "claim_format.h"
#include "command.h"
#include "output.h"
#include "text_table.h"

#include <fmt/format.h>

namespace claimtrack::cli {

namespace {

class VersionsCommand : public Command {
public:
    std::string project;
    std::int64_t article = 0;

    int run(Streams streams) override {
        auto opened = Project::open(project, Project::Access::ReadOnly);
        if (!opened)
            return report(streams.err, opened.error());
        auto versions = opened->articleVersions(article);
        if (!versions)
            return report(streams.err, versions.error());
        TextTable table({{"version", 7},
                         {"article", 7},
                         {"imported", 24},
                         {"published", 10},
                         {"claims", 6},
                         {"length", 8},
                         {"title", 50}});
        for (const Article& a : *versions)
            table.addRow({std::to_string(a.version), std::to_string(a.id), a.importedAt, a.meta.published,
                          std::to_string(a.claimCount), std::to_string(a.length), a.meta.title});
        table.print(streams.out);
        return kExitOk;
    }
};

// Words removed and added between two versions, as `git diff --word-diff` marks them: [-removed-] and
// {+added+}, each change with the words around it, changes far apart on lines of their own.
class DiffCommand : public Command {
public:
    std::string project;
    std::int64_t article = 0;
    std::optional<std::int64_t> from, to;

    int run(Streams streams) override {
        auto opened = Project::open(project, Project::Access::ReadOnly);
        if (!opened)
            return report(streams.err, opened.error());
        auto versions = opened->articleVersions(article);
        if (!versions)
            return report(streams.err, versions.error());
        if (versions->size() < 2)
            return report(streams.err, makeError(ErrorCode::InvalidInput,
                                                 fmt::format("article {} has one version only", article)));
        const auto numbered = [&](std::optional<std::int64_t> version,
                                  std::size_t fallback) -> const Article* {
            const std::int64_t wanted = version.value_or((*versions)[fallback].version);
            for (const Article& a : *versions)
                if (a.version == wanted)
                    return &a;
            return nullptr;
        };
        const Article* older = numbered(from, versions->size() - 2);
        const Article* newer = numbered(to, versions->size() - 1);
        if (!older || !newer)
            return report(streams.err,
                          makeError(ErrorCode::NotFound,
                                    fmt::format("article {} has versions 1 to {}; there is no version {}",
                                                article, versions->back().version, !older ? *from : *to)));
        const std::string olderText = *opened->articleText(older->id);
        const std::string newerText = *opened->articleText(newer->id);
        const CodePointIndex before(olderText), after(newerText);
        const VersionDiff diff(before, after);
        streams.out << fmt::format("version {} (article {}) -> version {} (article {})\n", older->version,
                                   older->id, newer->version, newer->id);
        print(diff.changes(), before, after, streams.out);
        return kExitOk;
    }

private:
    static constexpr std::size_t kAround = 6;  // unchanged words shown either side of a change

    static void print(const std::vector<TextChange>& changes, const CodePointIndex& before,
                      const CodePointIndex& after, std::ostream& out) {
        std::string line;
        for (std::size_t i = 0; i < changes.size(); ++i) {
            const TextChange& change = changes[i];
            if (change.kind == TextChange::Kind::Removed) {
                line += fmt::format("[-{}-] ", oneLine(before.slice(change.before)));
                continue;
            }
            if (change.kind == TextChange::Kind::Added) {
                line += fmt::format("{{+{}+}} ", oneLine(after.slice(change.after)));
                continue;
            }
            // Unchanged words: a few after the change before them, a few before the next; all when few.
            const std::vector<std::string> words = wordsIn(after.slice(change.after));
            const bool afterChange = i > 0, beforeChange = i + 1 < changes.size();
            const std::size_t shown = kAround * (afterChange && beforeChange ? 2 : 1);
            if (words.size() <= shown) {
                line += join(words.begin(), words.end()) + " ";
                continue;
            }
            if (afterChange) {
                out << line << join(words.begin(), words.begin() + kAround) << " ...\n";
                line.clear();
            }
            if (beforeChange)
                line += "... " + join(words.end() - kAround, words.end()) + " ";
        }
        if (!line.empty())
            out << line << '\n';
    }

    static std::vector<std::string> wordsIn(std::string_view text) {
        std::vector<std::string> words;
        std::string word;
        for (const char c : text) {
            if (c == ' ' || c == '\n' || c == '\t') {
                if (!word.empty())
                    words.push_back(std::exchange(word, {}));
            } else {
                word += c;
            }
        }
        if (!word.empty())
            words.push_back(word);
        return words;
    }

    static std::string join(std::vector<std::string>::const_iterator begin,
                            std::vector<std::string>::const_iterator end) {
        std::string joined;
        for (auto word = begin; word != end; ++word)
            joined += (joined.empty() ? "" : " ") + *word;
        return joined;
    }

    static std::string oneLine(std::string_view text) {
        std::string line(text);
        std::replace(line.begin(), line.end(), '\n', ' ');
        return line;
    }
};

class CarriesCommand : public Command {
public:
    std::string project;
    std::int64_t article = 0;

    int run(Streams streams) override {
        auto opened = Project::open(project, Project::Access::ReadOnly);
        if (!opened)
            return report(streams.err, opened.error());
        auto pending = opened->pendingCarries(article);
        if (!pending)
            return report(streams.err, pending.error());
        TextTable table(
            {{"claim", 6}, {"on article", 10}, {"not carried to", 14}, {"why", 90}, {"quote", 50}});
        for (const PendingCarry& carry : *pending)
            table.addRow({std::to_string(carry.claim.id), std::to_string(carry.claim.articleId),
                          std::to_string(carry.articleId), why(carry), carry.claim.anchor.quote.exact});
        table.print(streams.out);
        return kExitOk;
    }

private:
    static std::string why(const PendingCarry& carry) {
        if (carry.kind == CarryKind::Orphaned)
            return "orphaned: its words are gone";
        return fmt::format("figure changed: {} \u2192 {} (\"{}\", {:.0f}% of the words the same)",
                           carry.figureBefore, carry.figureAfter, carry.words, carry.score * 100);
    }
};

class CarryCommand : public Command {
public:
    std::string project;
    std::int64_t claim = 0;
    std::string decision;

    int run(Streams streams) override {
        auto opened = Project::open(project);
        if (!opened)
            return report(streams.err, opened.error());
        const CarryDecision chosen = decision == "keep"   ? CarryDecision::Keep
                                     : decision == "move" ? CarryDecision::Move
                                                          : CarryDecision::Reject;
        auto resolved = opened->resolveCarry(claim, chosen);
        if (!resolved)
            return report(streams.err, resolved.error());
        if (chosen == CarryDecision::Move) {
            const ClaimRecord moved = *opened->claim(claim);
            streams.out << fmt::format("claim {} moved to article {}: \"{}\", {}\n", claim, moved.articleId,
                                       moved.anchor.quote.exact, describeFigure(moved.fields));
        } else if (chosen == CarryDecision::Keep) {
            streams.out << fmt::format("claim {} kept on article {}\n", claim, resolved->claim.articleId);
        } else {
            streams.out << fmt::format("claim {} stays on article {}, orphaned\n", claim,
                                       resolved->claim.articleId);
        }
        return kExitOk;
    }
};

}  // namespace

void addVersionCommands(CLI::App& app, std::vector<std::unique_ptr<Command>>& commands, Command*& chosen) {
    auto* versions = app.add_subcommand("versions", "List the versions of an article, oldest first");
    auto& v = attach<VersionsCommand>(versions, commands, chosen);
    versions->footer("A file whose URL is an article's, or imported with --new-version-of ID, is its next "
                     "version.\nExample:\n  claimtrack-cli versions research.claims 4");
    versions->add_option("PROJECT", v.project, "Project file")->required();
    versions->add_option("ID", v.article, "Any version of the article (its id)")
        ->required()
        ->check(wholeNumber(1));

    auto* diff = app.add_subcommand("diff", "The words removed [-like this-] and added {+like this+} between "
                                            "two versions of an article");
    auto& d = attach<DiffCommand>(diff, commands, chosen);
    diff->footer("Example:\n  claimtrack-cli diff research.claims 4 --from 1 --to 3");
    diff->add_option("PROJECT", d.project, "Project file")->required();
    diff->add_option("ID", d.article, "Any version of the article (its id)")
        ->required()
        ->check(wholeNumber(1));
    diff->add_option("--from", d.from, "The older version's number (default: the one before the latest)")
        ->check(wholeNumber(1))
        ->type_name("V");
    diff->add_option("--to", d.to, "The newer version's number (default: the latest)")
        ->check(wholeNumber(1))
        ->type_name("V");

    auto* carries = app.add_subcommand(
        "carries", "The claims a new version did not carry: a figure in their words changed, or their words "
                   "are gone");
    auto& c = attach<CarriesCommand>(carries, commands, chosen);
    carries->footer("Decide each with `carry`.\nExample:\n  claimtrack-cli carries research.claims");
    carries->add_option("PROJECT", c.project, "Project file")->required();
    carries->add_option("ID", c.article, "Only those of this article's versions")->check(wholeNumber(1));

    auto* carry = app.add_subcommand("carry", "Decide what becomes of a claim a new version did not carry");
    auto& k = attach<CarryCommand>(carry, commands, chosen);
    carry->footer("keep: the claim stays on its version, as it was.\nmove: it moves to the changed words and "
                  "takes their figure (its history keeps the old one; its status is unverified again).\n"
                  "reject: those words are not the claim's; it stays on its version, orphaned.\n"
                  "Example:\n  claimtrack-cli carry research.claims 12 move");
    carry->add_option("PROJECT", k.project, "Project file")->required();
    carry->add_option("CLAIM", k.claim, "The claim's id (see `carries`)")->required()->check(wholeNumber(1));
    carry->add_option("DECISION", k.decision, "keep, move or reject")
        ->required()
        ->transform(oneOfNames({"keep", "move", "reject"}));
}

}  // namespace claimtrack::cli

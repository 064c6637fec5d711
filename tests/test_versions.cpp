// Carrying claims to a new version of an article (core/versions/carry.h): never onto a changed figure or a
// look-alike, never dropped.
#include "carry.h"
#include "versions_edits.h"

#include <gtest/gtest.h>

#include <fmt/format.h>

using namespace claimtrack;
using namespace claimtrack::test;

namespace {

// Where the claim on the first `quote` of `before` stands in `after`.
Carry carried(const std::string& before, const std::string& after, const std::string& quote) {
    const CodePointIndex older(before), newer(after);
    const auto at = static_cast<std::int64_t>(before.find(quote));  // ASCII: bytes are code points
    return VersionDiff(older, newer).carry({at, at + codePointCount(quote)});
}

std::string wordsAt(const std::string& text, CodePointRange range) {
    return std::string(CodePointIndex(text).slice(range));
}

const std::string kArticle =
    "Analysts counted more than 200 million surveillance cameras across the country. "
    "The ministry said 43 pilot cities had tested local schemes.\n\n"
    "Critics described the plans as vague.";

}  // namespace

TEST(Carry, TheSameTextKeepsEveryClaimAtItsOffsets) {
    const Carry carry = carried(kArticle, kArticle, "43 pilot cities");
    EXPECT_EQ(carry.kind, CarryKind::AtOffsets);
    EXPECT_EQ(carry.score, 1.0);
    EXPECT_EQ(wordsAt(kArticle, carry.range), "43 pilot cities");
}

TEST(Carry, WordsInsertedBeforeAClaimShiftIt) {
    const std::string after = "Updated. " + kArticle;
    const Carry carry = carried(kArticle, after, "43 pilot cities");
    EXPECT_EQ(carry.kind, CarryKind::Shifted);
    EXPECT_EQ(wordsAt(after, carry.range), "43 pilot cities");
}

TEST(Carry, AChangedFigureWaitsWithBothFigures) {
    std::string after = kArticle;
    after.replace(after.find("200 million"), 11, "250 million");
    const Carry carry = carried(kArticle, after, "more than 200 million surveillance cameras");
    ASSERT_EQ(carry.kind, CarryKind::FigureChanged);
    EXPECT_FALSE(carry.carried());
    EXPECT_EQ(carry.figureBefore, "more than 200 million");
    EXPECT_EQ(carry.figureAfter, "more than 250 million");
    EXPECT_EQ(wordsAt(after, carry.range), "more than 250 million surveillance cameras");
}

TEST(Carry, AChangedYearIsAChangedFigure) {
    const std::string before = "It would reach 626 million cameras by 2020, the forecast said.";
    const std::string after = "It would reach 626 million cameras by 2022, the forecast said.";
    const Carry carry = carried(before, after, "626 million cameras by 2020");
    EXPECT_EQ(carry.kind, CarryKind::FigureChanged);
}

TEST(Carry, WordsChangedAroundTheSameFigureAreACloseMatchWithItsScore) {
    const std::string before = "Officials said more than 200 million surveillance cameras were in use.";
    const std::string after = "Officials said more than 200 million CCTV cameras were in use.";
    const Carry carry = carried(before, after, "more than 200 million surveillance cameras");
    EXPECT_EQ(carry.kind, CarryKind::CloseMatch);
    EXPECT_NEAR(carry.score, 5.0 / 6.0, 1e-9);
    EXPECT_EQ(wordsAt(after, carry.range), "more than 200 million CCTV cameras");
}

TEST(Carry, ACutParagraphOrphansItsClaims) {
    const std::string after =
        kArticle.substr(0, kArticle.find("The ministry")) + "\n\nCritics described the plans as vague.";
    const Carry carry = carried(kArticle, after, "43 pilot cities");
    EXPECT_EQ(carry.kind, CarryKind::Orphaned);
    EXPECT_EQ(carry.score, 0.0);
}

TEST(Carry, AMovedSentenceIsFoundByItsContextButALookAlikeIsNot) {
    const std::string moved = "Critics described the plans as vague. Analysts counted more than 200 million "
                              "surveillance cameras across the country.";
    Carry carry = carried("Analysts counted more than 200 million surveillance cameras across the country. "
                          "Critics described the plans as vague.",
                          moved, "200 million");
    EXPECT_TRUE(carry.carried()) << toString(carry.kind);
    EXPECT_EQ(wordsAt(moved, carry.range), "200 million");

    const std::string before =
        "Analysts counted more than 200 million surveillance cameras across the country. "
        "Critics described the plans as vague.";
    const std::string lookAlike =
        "Critics described the plans as vague. A blog repeated more than 200 million "
        "surveillance cameras without any source.";
    carry = carried(before, lookAlike, "more than 200 million surveillance cameras");
    EXPECT_EQ(carry.kind, CarryKind::Orphaned) << wordsAt(lookAlike, carry.range);
}

TEST(Carry, QuoteStyleAndWhiteSpaceAreNoChange) {
    const std::string before = "The firm's estimate was 176 million cameras in 2018.";
    const std::string after = "The firm\u2019s  estimate was\n176 million cameras in 2018.";
    const Carry carry = carried(before, after, "firm's estimate was 176 million cameras");
    EXPECT_TRUE(carry.carried()) << toString(carry.kind);
    EXPECT_EQ(carry.score, 1.0);
    EXPECT_EQ(wordsAt(after, carry.range), "firm\u2019s  estimate was\n176 million cameras");
}

TEST(Carry, TheDiffListsWordsKeptRemovedAndAdded) {
    const std::string before = "China had 176 million cameras.";
    const std::string after = "China had about 200 million cameras.";
    const CodePointIndex older(before), newer(after);
    const VersionDiff diff(older, newer);
    std::string marked;
    for (const TextChange& change : diff.changes()) {
        if (change.kind == TextChange::Kind::Kept)
            marked += fmt::format("{} ", newer.slice(change.after));
        else if (change.kind == TextChange::Kind::Removed)
            marked += fmt::format("[-{}-] ", older.slice(change.before));
        else
            marked += fmt::format("{{+{}+}} ", newer.slice(change.after));
    }
    EXPECT_EQ(marked, "China had [-176-] {+about 200+} million cameras. ");
}

// The edits written for the project (tests/versions_edits.h), at a smaller size than `claimtrack-bench
// carry`: every claim becomes what it must, and a carried one lands on exactly its words.
TEST(Carry, EveryEditOfTheBenchmarkCarriesFlagsOrOrphansAsItMust) {
    std::mt19937 random(20261201);
    int claims = 0;
    for (int i = 0; i < 500; ++i) {
        const EditCase edit = EditCaseBuilder::make(random);
        const CodePointIndex older(edit.before), newer(edit.after);
        const VersionDiff diff(older, newer);
        for (const EditedClaim& claim : edit.claims) {
            ++claims;
            const Carry carry = diff.carry(claim.before);
            const std::string what = fmt::format("case {} ({}), claim \"{}\": {}", i, edit.edits,
                                                 older.slice(claim.before), toString(carry.kind));
            switch (claim.expected) {
            case Expected::Carried:
                ASSERT_TRUE(carry.carried()) << what;
                ASSERT_EQ(carry.range, claim.after) << what << " at \"" << newer.slice(carry.range) << "\"";
                break;
            case Expected::FigureChanged:
                ASSERT_EQ(carry.kind, CarryKind::FigureChanged) << what << "\n"
                                                                << edit.before << "\n---\n"
                                                                << edit.after;
                ASSERT_NE(carry.figureBefore, carry.figureAfter) << what;
                break;
            case Expected::Orphaned:
                ASSERT_EQ(carry.kind, CarryKind::Orphaned)
                    << what << " at \"" << newer.slice(carry.range) << "\"\n"
                    << edit.before << "\n---\n"
                    << edit.after;
                break;
            }
        }
    }
    EXPECT_EQ(claims, 500 * 6);
}

// The worst input made so far (docs/performance.md): paragraphs written from one template, shuffled, half
// of them reworded and some of their figures changed. The words around a claim match many paragraphs
// nearly as well as its own, so a claim is carried, or proposed with a changed figure, only onto its own
// paragraph; where no place fits better than every other, it is refused (orphaned), never guessed.
TEST(Carry, OnTemplatedShuffledParagraphsAClaimGoesOnlyToItsOwnParagraph) {
    constexpr int kParagraphs = 300;
    const auto paragraph = [](int i, bool reworded, bool figureChanged) {
        return fmt::format("Paragraph {}: analysts in district {} counted {} cameras {} {} roads, and "
                           "officials said {} more were planned.",
                           i, i, (figureChanged ? 5000 : 1000) + i, reworded ? "along" : "on", i % 50, i % 7);
    };
    std::vector<int> order(kParagraphs);
    std::string before, after;
    for (int i = 0; i < kParagraphs; ++i) {
        order[static_cast<std::size_t>(i)] = i;
        before += paragraph(i, false, false) + "\n\n";
    }
    std::mt19937 random(20261202);
    std::shuffle(order.begin(), order.end(), random);
    for (const int i : order)
        after += paragraph(i, i % 3 == 0, i % 10 == 5) + "\n\n";

    const CodePointIndex older(before), newer(after);
    const VersionDiff diff(older, newer);
    int carried = 0, proposed = 0, refused = 0;
    for (int i = 0; i < kParagraphs; i += 5) {
        const std::string quote = fmt::format("{} cameras", 1000 + i);
        const auto at = static_cast<std::int64_t>(before.find(quote));
        const Carry carry = diff.carry({at, at + codePointCount(quote)});
        // The paragraph the words given for the claim are in, by its number.
        const std::string words = wordsAt(after, carry.range);
        const std::size_t start = after.rfind("Paragraph ", static_cast<std::size_t>(carry.range.start));
        const std::string where = after.substr(start, after.find(':', start) - start);
        const std::string what =
            fmt::format("claim on paragraph {}: {} at \"{}\" in {}", i, toString(carry.kind), words, where);
        ASSERT_EQ(carry.carried(), i % 10 == 0) << what;  // every unchanged figure carried, no changed one
        if (carry.kind == CarryKind::Orphaned) {
            ++refused;
            continue;
        }
        ASSERT_EQ(where, fmt::format("Paragraph {}", i)) << what;
        if (carry.carried()) {
            ASSERT_EQ(words, quote) << what;
            ++carried;
        } else {
            ASSERT_EQ(carry.kind, CarryKind::FigureChanged) << what;
            ASSERT_EQ(words, fmt::format("{} cameras", 5000 + i)) << what;
            ++proposed;
        }
    }
    EXPECT_EQ(carried, kParagraphs / 10);
    EXPECT_EQ(proposed + refused, kParagraphs / 10);
    RecordProperty("proposed", proposed);
    RecordProperty("refused", refused);
}

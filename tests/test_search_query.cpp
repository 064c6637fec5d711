// The search box's language: what reaches FTS5, and the message for each mistake.
#include "search/query.h"

#include <gtest/gtest.h>

using namespace claimtrack;

namespace {

struct Parsed {
    const char* query;
    const char* match;
};

class SearchQueryParses : public testing::TestWithParam<Parsed> {};

TEST_P(SearchQueryParses, ToAValidFts5Expression) {
    const auto parsed = parseSearchQuery(GetParam().query);
    ASSERT_TRUE(parsed) << parsed.error().message;
    EXPECT_EQ(parsed->match, GetParam().match);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, SearchQueryParses,
    testing::Values(Parsed{"cameras", R"("cameras")"},
                    Parsed{"surveillance cameras", R"("surveillance" AND "cameras")"},
                    Parsed{R"("social credit" system)", R"("social credit" AND "system")"},
                    Parsed{"camera*", R"("camera"*)"}, Parsed{R"("social cred"*)", R"("social cred"*)"},
                    Parsed{"cameras OR lenses china", R"(("cameras" OR "lenses") AND "china")"},
                    Parsed{"a OR b OR c", R"(("a" OR "b" OR "c"))"},
                    Parsed{"cameras -forecast", R"("cameras" NOT "forecast")"},
                    Parsed{"cameras NOT forecast NOT 2020", R"("cameras" NOT "forecast" NOT "2020")"},
                    // FTS5 operators typed in lower case, column filters and quotes
                    // inside words are plain words here.
                    Parsed{"cameras and near", R"("cameras" AND "and" AND "near")"},
                    Parsed{"10:30", R"("10:30")"}, Parsed{"\"text:cameras\"", R"("text:cameras")"},
                    Parsed{"café 社会信用", R"("café" AND "社会信用")"}));

struct Refused {
    const char* query;
    const char* message;
};

class SearchQueryRefuses : public testing::TestWithParam<Refused> {};

TEST_P(SearchQueryRefuses, WithAMessageThatSaysWhatIsWrong) {
    const auto parsed = parseSearchQuery(GetParam().query);
    ASSERT_FALSE(parsed) << parsed->match;
    EXPECT_EQ(parsed.error().message, GetParam().message);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, SearchQueryRefuses,
    testing::Values(
        Refused{"", "search: type a word to find, or a filter such as publisher:Reuters (at character 1)"},
        Refused{"   ", "search: type a word to find, or a filter such as publisher:Reuters (at character 1)"},
        Refused{R"(cameras "social credit)", "search: a quote is not closed (at character 9)"},
        Refused{"cameras OR", "search: OR needs a word after it (at character 9)"},
        Refused{"OR cameras", "search: OR needs a word before it (at character 1)"},
        Refused{"a OR OR b", "search: OR needs a word before it (at character 6)"},
        Refused{"cameras NOT", "search: NOT needs a word after it (at character 9)"},
        Refused{"-cameras",
                "search: a search needs a word to find, not only words to leave out (at character 1)"},
        Refused{
            "(a OR b) c",
            "search: parentheses are not supported; words are all required, OR joins two (at character 1)"},
        Refused{R"(a "")", "search: an empty phrase (\"\") finds nothing (at character 3)"},
        Refused{"cameras —", "search: \"—\" has no letters or digits to search for (at character 9)"},
        Refused{"* cameras", "search: \"*\" has no letters or digits to search for (at character 1)"},
        Refused{"colour:red",
                "search: there is no filter \"colour:\"; the filters are publisher:, source:, metric:, tag:, "
                "status:, since: and until: (put a word with a colon in quotes to search for it) (at "
                "character 1)"},
        Refused{"cameras status:maybe", "search: unknown status \"maybe\" (expected one of: unverified, "
                                        "supported, disputed, refuted) (at character 9)"},
        Refused{"since:2020-13", "search: since \"2020-13\" is not a valid date: no such month (use YYYY, "
                                 "YYYY-MM or YYYY-MM-DD) (at character 1)"},
        Refused{"text:cameras",
                "search: there is no filter \"text:\"; the filters are publisher:, source:, metric:, tag:, "
                "status:, since: and until: (put a word with a colon in quotes to search for it) (at "
                "character 1)"},
        Refused{"publisher:", "search: \"publisher:\" needs a value (at character 1)"},
        Refused{"-tag:x cameras", "search: a filter cannot be negated (\"-tag:\") (at character 1)"},
        Refused{"cameras OR tag:x", "search: OR cannot go with a filter (at character 12)"}));

TEST(SearchQuery, FiltersAreReadWithQuotedValuesAndLeaveTheWords) {
    const auto parsed = parseSearchQuery(
        R"(cameras publisher:"The Harbour Ledger" source:IHS metric:"Surveillance cameras" tag:forecast )"
        R"(status:disputed since:2018 until:2019-06)");
    ASSERT_TRUE(parsed) << parsed.error().message;
    EXPECT_EQ(parsed->match, R"("cameras")");
    EXPECT_EQ(parsed->filters.publisher, "The Harbour Ledger");
    EXPECT_EQ(parsed->filters.source, "IHS");
    EXPECT_EQ(parsed->filters.metric, "Surveillance cameras");
    EXPECT_EQ(parsed->filters.tag, "forecast");
    EXPECT_EQ(parsed->filters.status, ClaimStatus::Disputed);
    EXPECT_EQ(parsed->filters.since, "2018");
    EXPECT_EQ(parsed->filters.until, "2019-06");
    EXPECT_EQ(parsed->terms, (std::vector<std::string>{"cameras"}));

    const auto only = parseSearchQuery("publisher:Reuters");
    ASSERT_TRUE(only);
    EXPECT_TRUE(only->match.empty());
    EXPECT_EQ(only->filters.publisher, "Reuters");
}

TEST(SearchQuery, TermsToHighlightLeaveOutTheExcludedOnes) {
    const auto parsed = parseSearchQuery(R"("social credit" camera* -forecast OR)");
    EXPECT_FALSE(parsed);
    const auto ok = parseSearchQuery(R"("social credit" camera* -forecast)");
    ASSERT_TRUE(ok);
    EXPECT_EQ(ok->terms, (std::vector<std::string>{"social credit", "camera*"}));
}

}  // namespace

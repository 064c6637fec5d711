// The figure finder, rule by rule, on sentences written for these tests.
#include "figures.h"
#include "lexer.h"
#include "test_support.h"
#include "text.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace claimtrack;
using namespace claimtrack::test;

namespace {

constexpr double kOpen = NAN;  // no bound expected

struct FigureCase {
    const char* name;
    std::string sentence;
    std::string text;  // the figure expected, as written
    double value;
    double low = kOpen;
    double high = kOpen;
    FigureKind kind = FigureKind::Count;
    const char* unit = "";
    bool approximate = false;
};

void PrintTo(const FigureCase& c, std::ostream* os) {
    *os << c.name;
}

const Figure* findFigure(const std::vector<Figure>& figures, const std::string& text) {
    for (const Figure& figure : figures)
        if (figure.text == text)
            return &figure;
    return nullptr;
}

std::string listed(const std::vector<Figure>& figures) {
    std::string out;
    for (const Figure& f : figures)
        out += "[" + f.text + "] ";
    return out;
}

void expectBound(std::optional<double> actual, double expected, const char* what) {
    if (std::isnan(expected))
        EXPECT_FALSE(actual) << what << " should be open";
    else
        EXPECT_EQ(actual, expected) << what;
}

class Figures : public testing::TestWithParam<FigureCase> {};

TEST_P(Figures, AreFoundAndNormalised) {
    const FigureCase& c = GetParam();
    const auto figures = extractFigures(c.sentence);
    const Figure* figure = findFigure(figures, c.text);
    ASSERT_NE(figure, nullptr) << "found: " << listed(figures);
    EXPECT_NEAR(*figure->value, c.value, std::fabs(c.value) * 1e-9 + 1e-9);
    expectBound(figure->low, c.low, "low");
    expectBound(figure->high, c.high, "high");
    EXPECT_EQ(figure->kind, c.kind);
    EXPECT_EQ(figure->unit, c.unit);
    EXPECT_EQ(figure->approximate, c.approximate);
    // Offsets are code points and cover exactly the text.
    const CodePointIndex index(c.sentence);
    EXPECT_EQ(index.slice(figure->range), figure->text);
}

INSTANTIATE_TEST_SUITE_P(
    Rules, Figures,
    testing::Values(
        FigureCase{"Digits", "The city has 1,200 checkpoints.", "1,200", 1200},
        FigureCase{"ScaleWord", "Officials counted 10.5 million residents.", "10.5 million", 10.5e6},
        FigureCase{"NoBreakSeparator", "They filed 1\u00A0400 complaints.", "1\u00A0400", 1400},
        FigureCase{"SpaceSeparator", "The city hired 3 000 guards.", "3 000", 3000},
        FigureCase{"YearThenNumberAreTwo", "In 2016 200 guards were hired.", "200", 200},
        FigureCase{"NarrowNoBreakSeparator", "They filed 2\u202F500 complaints.", "2\u202F500", 2500},
        FigureCase{"GluedScale", "The contract was worth $4.5bn last year.", "$4.5bn", 4.5e9, kOpen, kOpen,
                   FigureKind::Money, "USD"},
        FigureCase{"Yuan", "Each fine was 300 yuan.", "300 yuan", 300, kOpen, kOpen, FigureKind::Money,
                   "CNY"},
        FigureCase{"Words", "One hundred percent of the town is covered.", "One hundred percent", 100, kOpen,
                   kOpen, FigureKind::Percent, "percent"},
        FigureCase{"AMillion", "Analysts said more than a million people were held.", "more than a million",
                   1e6, 1e6},
        FigureCase{"Dozen", "A dozen cities joined the pilot.", "A dozen", 12},
        FigureCase{"Hyphenated", "Twenty-five districts took part.", "Twenty-five", 25},
        FigureCase{"PerCent", "Some 80 per cent of respondents agreed.", "Some 80 per cent", 80, kOpen, kOpen,
                   FigureKind::Percent, "percent", true},
        FigureCase{"PercentSign", "Prices rose 731% in a year.", "731%", 731, kOpen, kOpen,
                   FigureKind::Percent, "percent"},
        FigureCase{"PercentagePoints", "Approval fell by 4 percentage points.", "4 percentage points", 4,
                   kOpen, kOpen, FigureKind::Percent, "percentage points"},
        FigureCase{"OneInTen", "Roughly 1 in 10 adults was detained.", "Roughly 1 in 10", 10, kOpen, kOpen,
                   FigureKind::Percent, "percent", true},
        FigureCase{"AThird", "A third of the panel disagreed.", "A third", 100.0 / 3, kOpen, kOpen,
                   FigureKind::Percent, "percent"},
        FigureCase{"AtLeast", "The plan covers at least 40 cities.", "at least 40", 40, 40},
        FigureCase{"FewerThan", "Fewer than 10 cities score people.", "Fewer than 10", 10, kOpen, 10},
        FigureCase{"UpTo", "The ban lasts up to 5 years.", "up to 5 years", 5, kOpen, 5, FigureKind::Duration,
                   "years"},
        FigureCase{"CrossedTheMark", "The share crossed the 11 percent mark.", "11 percent mark", 11, 11,
                   kOpen, FigureKind::Percent, "percent"},
        FigureCase{"Between", "Between 10 and 11 percent were held.", "Between 10 and 11 percent", 11, 10, 11,
                   FigureKind::Percent, "percent"},
        FigureCase{"DashRange", "The camps hold 800,000-1,000,000 people.", "800,000-1,000,000", 1e6, 8e5,
                   1e6},
        FigureCase{"ScaleSharedByRange", "Estimates run from 1-3 million.", "1-3 million", 3e6, 1e6, 3e6},
        FigureCase{"OrAtTheMaximum", "Names stay for five or at the maximum seven years.",
                   "five or at the maximum seven years", 7, 5, 7, FigureKind::Duration, "years"},
        // Two to ten of the magnitude: "hundreds of millions" is 200 million to a billion.
        FigureCase{"Vague", "Hundreds of millions of people are watched.", "Hundreds of millions", 1e9, 2e8,
                   1e9},
        FigureCase{"HyphenatedDuration", "All were given a one-year ban.", "one-year", 1, kOpen, kOpen,
                   FigureKind::Duration, "years"},
        FigureCase{"Points", "Residents start with 1000 points.", "1000 points", 1000, kOpen, kOpen,
                   FigureKind::Score, "points"},
        FigureCase{"OutOf", "The firm scored zero out of 100 on privacy.", "zero out of 100", 0, kOpen, kOpen,
                   FigureKind::Score, "out of 100"},
        FigureCase{"Sign", "The index moved \u22123.5 points.", "\u22123.5 points", -3.5, kOpen, kOpen,
                   FigureKind::Score, "points"},
        FigureCase{"AfterCjkAndEmoji", "社会信用 📷: 626 million cameras.", "626 million", 626e6}),
    [](const testing::TestParamInfo<FigureCase>& param) { return std::string(param.param.name); });

struct NotAFigure {
    const char* name;
    std::string sentence;
};

void PrintTo(const NotAFigure& c, std::ostream* os) {
    *os << c.name;
}

class NotFigures : public testing::TestWithParam<NotAFigure> {};

TEST_P(NotFigures, YieldNoFigureButDatesMayBeFound) {
    for (const Figure& figure : extractFigures(GetParam().sentence))
        EXPECT_EQ(figure.kind, FigureKind::Date) << "[" << figure.text << "] in: " << GetParam().sentence;
}

INSTANTIATE_TEST_SUITE_P(
    Rules, NotFigures,
    testing::Values(NotAFigure{"Year", "The system was announced in 2014."},
                    NotAFigure{"YearRange", "The outline covers 2014-2020."},
                    NotAFigure{"Ordinal", "It was the third season of the show, and the 5th episode."},
                    NotAFigure{"AroundTheClock", "Cameras watch them 24/7."},
                    NotAFigure{"OneOfThe", "It is one of the most watched places."},
                    NotAFigure{"OnePronoun", "One could argue otherwise, and no one knows."},
                    NotAFigure{"QuotedTitle", "It reads like \u201C1984\u201D come to life."},
                    NotAFigure{"Version", "Version 2.1.3 of the app shipped."},
                    NotAFigure{"Address", "Write to 192.168.1.20 for access."},
                    NotAFigure{"Identifier", "The A380 and COVID-19 were mentioned."},
                    NotAFigure{"Url", "See https://example.org/2020/05/report for details."},
                    NotAFigure{"Phone", "Call 555-123-4567 today."},
                    NotAFigure{"SomeDay", "They live in fear of one day being sent away."}),
    [](const testing::TestParamInfo<NotAFigure>& param) { return std::string(param.param.name); });

// Who a figure came through: the source cited by another ("Xinhua, citing IHS Markit" is IHS Markit via
// Xinhua), in the three ways news writes it; a source quoted directly came through no one.
TEST(FigureContext, ASourceCitedThroughAnotherIsTheSourceViaTheOther) {
    struct Case {
        const char* sentence;
        const char* figure;
        const char* source;
        const char* via;
    };
    const Case cases[] = {
        {"Xinhua, citing IHS Markit, said China had 176 million cameras in 2016.", "176 million",
         "IHS Markit", "Xinhua"},
        {"Reuters, citing two officials, said 43 cities ran pilot schemes.", "43", "two officials",
         "Reuters"},
        {"IHS Markit's estimate of 626 million cameras by 2020, reported by Xinhua, was widely repeated.",
         "626 million", "IHS Markit", "Xinhua"},
        {"China had 200 million cameras, according to Xinhua, which quoted IHS Markit.", "200 million",
         "IHS Markit", "Xinhua"},
        {"According to IHS Markit, China had 176 million cameras in 2016.", "176 million", "IHS Markit", ""},
        {"IHS Markit's estimate of 626 million cameras by 2020 was widely repeated.", "626 million",
         "IHS Markit", ""},
    };
    for (const Case& c : cases) {
        const auto figures = extractFigures(c.sentence);
        const Figure* figure = findFigure(figures, c.figure);
        ASSERT_NE(figure, nullptr) << c.sentence;
        EXPECT_EQ(figure->source, c.source) << c.sentence;
        EXPECT_EQ(figure->via, c.via) << c.sentence;
    }
}

TEST(FigureContext, APercentagesBaseSampleAndFieldworkAreReadFromItsSentence) {
    struct Case {
        const char* sentence;
        const char* figure;
        FigureBase base;
    };
    const Case cases[] = {
        {"In a survey by a Berlin university, 80 percent of 2,209 respondents, surveyed in 2018, approved.",
         "80 percent",
         {"respondents", 2209, "2018"}},
        {"In a poll of 1,000 adults conducted in March 2019, 62% said they had heard of a blacklist.",
         "62%",
         {"adults", 1000, "2019-03"}},
        {"About 45% of internet users in China, surveyed in 2020, said they trusted the scores.",
         "About 45%",
         {"internet users", std::nullopt, "2020"}},
        {"Among the companies rated, 23 percent were listed as trustworthy.",
         "23 percent",
         {"companies", std::nullopt, ""}},
        // A list of shares in one sentence shares the base of its first.
        {"Of the respondents, 80 percent of respondents approve, 19 percent are neutral.",
         "19 percent",
         {"respondents", std::nullopt, ""}},
        // Not a survey: no fieldwork, however dated; and a count is no share.
        {"More than 11 percent of the adult population was held in 2018.",
         "More than 11 percent",
         {"adult population", std::nullopt, ""}},
        // A passage: the survey described in the sentence before, then its findings.
        {"The poll asked 1,000 adults in March 2019. It found that 62 percent had heard of a blacklist.",
         "62 percent",
         {"adults", 1000, "2019-03"}},
        {"The survey reached 2,209 respondents in 2018. Of them, 80 percent approved.",
         "80 percent",
         {"respondents", 2209, "2018"}},
        // … but not a sentence on something else.
        {"The poll asked 1,000 adults in 2019. Separately, prices rose 5 percent.", "5 percent", {}},
        {"Police installed 2,000 cameras in 2018.", "2,000", {}},
        {"Prices rose 5 percent in 2019.", "5 percent", {}},
    };
    for (const Case& c : cases) {
        const auto figures = extractFigures(c.sentence);
        const Figure* figure = findFigure(figures, c.figure);
        ASSERT_NE(figure, nullptr) << c.sentence;
        EXPECT_EQ(figure->base.of, c.base.of) << c.sentence;
        EXPECT_EQ(figure->base.sampleSize, c.base.sampleSize) << c.sentence;
        EXPECT_EQ(figure->base.fieldwork, c.base.fieldwork) << c.sentence;
    }
}

TEST(FigureContext, SourceFromAccordingToAndReportingVerbs) {
    auto first = extractFigures("According to IHS Markit, China had 176 million cameras in 2016.");
    ASSERT_FALSE(first.empty());
    EXPECT_EQ(first[0].source, "IHS Markit");
    EXPECT_EQ(first[0].subject, "cameras");
    EXPECT_EQ(first[0].time, "2016");
    auto said = extractFigures("Adrian Zenz estimated that more than 1 million people were held by 2018.");
    EXPECT_EQ(findFigure(said, "more than 1 million")->source, "Adrian Zenz");
    EXPECT_EQ(findFigure(said, "more than 1 million")->time, "2018");
    auto led = extractFigures("A study led by Genia Kostka found that 80 percent of respondents approve.");
    EXPECT_EQ(findFigure(led, "80 percent")->source, "Genia Kostka");
    EXPECT_EQ(findFigure(led, "80 percent")->subject, "respondents");
    auto estimate = extractFigures("One IHS Markit estimate puts the number at 176 million today.");
    EXPECT_EQ(findFigure(estimate, "176 million")->source, "IHS Markit");
    EXPECT_EQ(findFigure(estimate, "176 million")->time, "today");
    auto possessive = extractFigures("The Beijing Public Safety Bureau's report counts 46,000 cameras.");
    EXPECT_EQ(findFigure(possessive, "46,000")->source, "Beijing Public Safety Bureau");
    auto colon = extractFigures("Lin Qiao: \"Some 4 million trips were blocked.\"");
    EXPECT_EQ(findFigure(colon, "Some 4 million")->source, "Lin Qiao");
}

TEST(FigureContext, SourceFromThePreviousSentence) {
    auto figures =
        extractFigures("Researchers at Example University published a survey. It said 72 percent agree.");
    EXPECT_EQ(findFigure(figures, "72 percent")->source, "Example University");
    figures = extractFigures("The weather was mild. It said 72 percent agree.");
    EXPECT_EQ(findFigure(figures, "72 percent")->source, "");
    figures = extractFigures("Industry figures suggest growth. Two makers lead with 40 percent.");
    EXPECT_EQ(findFigure(figures, "40 percent")->source, "") << "a common word opening a sentence is no name";
    figures = extractFigures("Maria Lopez said the panel was large. Of its members, 72 percent agree.");
    EXPECT_EQ(findFigure(figures, "72 percent")->source, "Maria Lopez");
}

TEST(FigureContext, DatesAreTimeReferences) {
    const auto figures =
        extractFigures("By the end of April, 2018, courts had blocked 11.14 million flights.");
    const Figure* flights = findFigure(figures, "11.14 million");
    ASSERT_NE(flights, nullptr);
    EXPECT_EQ(flights->time, "2018-04");
    EXPECT_EQ(flights->value, 11140000) << "exactly, without the binary error of 11.14 * 1e6";
    const Figure* date = findFigure(figures, "April, 2018");
    ASSERT_NE(date, nullptr);
    EXPECT_EQ(date->kind, FigureKind::Date);
    const auto range = extractFigures("Spending rose 731 percent from 2016 to 2017.");
    EXPECT_EQ(findFigure(range, "731 percent")->time, "2016/2017");
}

TEST(FigureContext, SentencesAreInCodePoints) {
    const std::string text = "First 📷 sentence has 3 cats. Second one has 4 dogs.";
    const auto figures = extractFigures(text);
    ASSERT_EQ(figures.size(), 2u);
    EXPECT_EQ(figures[0].sentence, (CodePointRange{0, 28}));
    EXPECT_EQ(figures[1].sentence.start, 29);
    EXPECT_EQ(figures[1].sentence.end, codePointCount(text));
}

TEST(Figures, AnyInputGivesOffsetsInsideTheText) {
    for (const std::string& text :
         {std::string(), std::string("1"), std::string("$"), std::string("between 5 and"),
          std::string("more than"), std::string("1 in"), std::string("April, 2018"),
          std::string("\xF0\x9F\x93\xB7 9"), std::string("-"), std::string("1-"), std::string("the 2014-15"),
          std::string("a third of")}) {
        const std::int64_t length = codePointCount(text);
        for (const Figure& figure : extractFigures(text)) {
            EXPECT_GE(figure.range.start, 0) << text;
            EXPECT_LE(figure.range.end, length) << text;
            EXPECT_LT(figure.range.start, figure.range.end) << text;
        }
    }
}

}  // namespace

TEST(FigureContext, EachFigureTakesTheNearestTimeReference) {
    const auto figures = extractFigures("There were 176 million in 2016 and 200 million now; by 2020 about "
                                        "626 million, or 450 million in 2021.");
    EXPECT_EQ(findFigure(figures, "176 million")->time, "2016");
    EXPECT_EQ(findFigure(figures, "200 million")->time, "today");
    EXPECT_EQ(findFigure(figures, "about 626 million")->time, "2020");
    EXPECT_EQ(findFigure(figures, "450 million")->time, "2021");
}

TEST(FigureContext, RangesCountCodePointsInALongSentenceWithDatesAfterItsFigures) {
    // One sentence: the figures are placed first, then the dates, going back through the text.
    std::string text;
    for (int i = 0; i < 200; ++i)
        text += "Café €" + std::to_string(i + 1) + " million — in " + std::to_string(1900 + i % 100) + ", ";
    text += "done.";
    const auto figures = extractFigures(text);
    ASSERT_GE(figures.size(), 300u);
    const std::u32string wide = toCodePoints(text);
    for (const Figure& figure : figures)
        ASSERT_EQ(toUtf8(wide.substr(static_cast<std::size_t>(figure.range.start),
                                     static_cast<std::size_t>(figure.range.end - figure.range.start))),
                  figure.text);
}

TEST(Figures, AVeryLongSentenceIsReadInPiecesOfBoundedLength) {
    // A pasted list of numbers has no sentence end: it is cut into pieces (at a space, or without spaces at
    // punctuation), so what is held for one sentence stays bounded, and no figure is lost at a cut.
    std::string list, joined;
    for (int n = 0; n < 20000; ++n) {
        list += std::to_string(100 + n % 800) + ", ";
        joined += std::to_string(n % 10) + ".,-"[n % 3];
    }
    for (const std::string& text : {list, joined}) {
        const auto sentences = figures::splitSentences(text);
        EXPECT_GT(sentences.size(), 1u);
        // Twice the longest sentence (8 KB), then the next digit and the punctuation the piece is cut at.
        for (const figures::Span span : sentences)
            EXPECT_LE(span.end - span.begin, 2 * 8192 + 2);
    }
    EXPECT_EQ(extractFigures(list).size(), 20000u);
}

TEST(FigureContext, ASubjectIsNeverAVerbOrAPreposition) {
    // What a share counts comes after "of", or is a plural noun right after it; never the verb that follows
    // it or a preposition.
    auto figures = extractFigures("About 60 percent perceive the system as fair.");
    EXPECT_EQ(findFigure(figures, "About 60 percent")->subject, "");
    figures = extractFigures("The gap of 10 percent between regions grew.");
    EXPECT_EQ(findFigure(figures, "10 percent")->subject, "");
    figures = extractFigures("Nearly 4 in 10 workers and 72 percent of respondents agreed.");
    EXPECT_EQ(findFigure(figures, "Nearly 4 in 10")->subject, "workers");
    EXPECT_EQ(findFigure(figures, "72 percent")->subject, "respondents");
}

TEST(FigureContext, ASentenceThatRefersBackTakesWhatTheSentenceBeforeSaid) {
    auto figures = extractFigures(
        "The analytics firm Gartner put the number of drones registered in Kenya at 40,000 in 2019. The same "
        "firm expects the total to reach 95,000 by 2023. That projection sits below the 120,000 forecast by "
        "Oxford Economics for the same year.");
    EXPECT_EQ(findFigure(figures, "40,000")->subject, "drones") << "the number of drones ... at 40,000";
    EXPECT_EQ(findFigure(figures, "95,000")->source, "Gartner") << "\"the same firm\"";
    EXPECT_EQ(findFigure(figures, "95,000")->subject, "drones") << "\"the total\"";
    EXPECT_EQ(findFigure(figures, "120,000")->source, "Oxford Economics") << "\"forecast by\"";
    EXPECT_EQ(findFigure(figures, "120,000")->subject, "drones") << "not \"forecast\"";
    EXPECT_EQ(findFigure(figures, "120,000")->time, "2023") << "\"the same year\"";

    figures = extractFigures(
        "Lee estimated that about 300 people had fled by 2015.\n\nPut another way, her estimate amounts to "
        "2 percent of the town.");
    EXPECT_EQ(findFigure(figures, "2 percent")->source, "Lee") << "her estimate, across a paragraph break";
    EXPECT_EQ(findFigure(figures, "2 percent")->time, "2015");

    figures =
        extractFigures("The census was taken in March 2016. The city had 2 million residents at the time, "
                       "though its oldest district dates from 1850.");
    EXPECT_EQ(findFigure(figures, "2 million")->time, "2016-03") << "\"at the time\", not the far date";
    figures = extractFigures("The weather was mild. About 5,000 people lived there at the time.");
    EXPECT_EQ(findFigure(figures, "About 5,000")->time, "today") << "no time before: when it was written";
}

TEST(FigureContext, WhatIsCountedAndWhoNamesItInLongerPhrases) {
    auto figures =
        extractFigures("A survey of regional hospitals found that fewer than 20 of them keep paper.");
    EXPECT_EQ(findFigure(figures, "fewer than 20")->subject, "regional hospitals") << "\"of them\"";
    figures = extractFigures("The town's population of 900,000 people means crowded clinics.");
    EXPECT_EQ(findFigure(figures, "900,000")->subject, "people");
    figures = extractFigures("Inspectors found more than 70 suspected illegal mines built since 2012.");
    EXPECT_EQ(findFigure(figures, "more than 70")->subject, "suspected illegal mines");
    EXPECT_EQ(findFigure(figures, "more than 70")->time, "today") << "counted as they stand, not in 2012";
    figures = extractFigures("Of the 12 districts named by the regional planning office, few comply.");
    EXPECT_EQ(findFigure(figures, "12")->source, "the regional planning office");
    figures = extractFigures("A United Nations expert panel said 40 percent were displaced.");
    EXPECT_EQ(findFigure(figures, "40 percent")->source, "A United Nations expert panel");
    figures = extractFigures("Officials said the current figure is 3,000 cameras.");
    EXPECT_EQ(findFigure(figures, "3,000")->time, "today");
}

TEST(Figures, PoundsAreAWeightWhereTheSentenceWeighsAndASumOtherwise) {
    auto figures = extractFigures("The boxer weighed 208 pounds, and the fund was worth 40 million pounds.");
    EXPECT_EQ(findFigure(figures, "208 pounds")->unit, "lb");
    EXPECT_EQ(findFigure(figures, "208 pounds")->kind, FigureKind::Measure);
    EXPECT_EQ(findFigure(figures, "40 million pounds")->unit, "GBP") << "a scale makes it a sum";
    figures = extractFigures("Customs seized 300 pounds of cocaine and fined the firm 5,000 pounds.");
    EXPECT_EQ(findFigure(figures, "300 pounds")->unit, "lb") << "what is weighed follows";
    EXPECT_EQ(findFigure(figures, "5,000 pounds")->unit, "GBP");
}

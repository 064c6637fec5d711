#include "claim_format.h"
#include "csv.h"
#include "model.h"

#include <gtest/gtest.h>

#include <regex>
#include <sstream>

using namespace claimtrack;

TEST(PartialDate, AcceptsYearMonthAndDay) {
    for (const char* date : {"2020", "2020-06", "2020-06-30", "2020-02-29"})
        EXPECT_TRUE(parsePartialDate(date, "as-of date")) << date;
}

TEST(PartialDate, RefusesImpossibleOrMisshapenDates) {
    for (const char* date :
         {"20", "2020-13", "2021-02-29", "2020-6-1", "2020/06", "June 2020", "", "2020-06-31"}) {
        auto parsed = parsePartialDate(date, "as-of date");
        ASSERT_FALSE(parsed) << date;
        EXPECT_NE(parsed.error().message.find("as-of date"), std::string::npos);
    }
}

struct NumberCase {
    double value;
    const char* text;
};

// Names the case in test listings instead of dumping its bytes.
inline void PrintTo(const NumberCase& c, std::ostream* os) {
    *os << c.text;
}

class NumberFormat : public testing::TestWithParam<NumberCase> {};

TEST_P(NumberFormat, WritesWithoutExponentBelow1e15AndReadsBackExactly) {
    const auto [value, text] = GetParam();
    EXPECT_EQ(formatNumber(value), text);
    auto parsed = parseNumber(formatNumber(value), "value");
    ASSERT_TRUE(parsed);
    EXPECT_EQ(*parsed, value);
}

INSTANTIATE_TEST_SUITE_P(Cases, NumberFormat,
                         testing::Values(NumberCase{626000000, "626000000"}, NumberCase{0, "0"},
                                         NumberCase{-3, "-3"}, NumberCase{0.1, "0.1"},
                                         NumberCase{11.5, "11.5"}, NumberCase{1.4e9, "1400000000"},
                                         NumberCase{999999999999999, "999999999999999"},
                                         NumberCase{1e15, "1e+15"},
                                         NumberCase{1.0 / 3, "0.3333333333333333"}));

TEST(Number, RefusesSeparatorsWordsAndNonFiniteValues) {
    for (const char* text : {"1,000", "ten", "", "nan", "inf", "1e999", "12 ", "0x10"})
        EXPECT_FALSE(parseNumber(text, "value")) << text;
}

TEST(ClaimFields, BoundsMustBeOrderedAndHoldTheValue) {
    ClaimFields fields;
    fields.low = 10;
    fields.high = 5;
    EXPECT_NE(validateClaimFields(fields).error().message.find("low 10 is greater than high 5"),
              std::string::npos);
    fields.high = 20;
    fields.value = 25;
    EXPECT_NE(validateClaimFields(fields).error().message.find("outside its bounds [10, 20]"),
              std::string::npos);
    fields.value = 20;
    EXPECT_TRUE(validateClaimFields(fields));
}

TEST(ClaimFields, TextIsTrimmedAndTagsDeduplicated) {
    ClaimFields fields;
    fields.metric = "  Surveillance cameras\r\n";
    fields.tags = {"china", " china ", "cameras"};
    auto valid = validateClaimFields(fields);
    ASSERT_TRUE(valid);
    EXPECT_EQ(valid->metric, "Surveillance cameras");
    EXPECT_EQ(valid->tags, (std::vector<std::string>{"china", "cameras"}));
    fields.tags = {" "};
    EXPECT_FALSE(validateClaimFields(fields));
}

struct CsvCase {
    std::string cell;
    std::string written;
};

// Names the case in test listings instead of dumping its bytes.
inline void PrintTo(const CsvCase& c, std::ostream* os) {
    *os << nlohmann::json(c.cell).dump();
}

class CsvText : public testing::TestWithParam<CsvCase> {};

TEST_P(CsvText, QuotesAndGuardsFormulas) {
    std::ostringstream out;
    CsvWriter csv(out);
    csv.text(GetParam().cell);
    csv.endRow();
    EXPECT_EQ(out.str(), GetParam().written + "\r\n");
}

INSTANTIATE_TEST_SUITE_P(Cases, CsvText,
                         testing::Values(CsvCase{"plain", "plain"}, CsvCase{"a,b", "\"a,b\""},
                                         CsvCase{"say \"hi\"", "\"say \"\"hi\"\"\""},
                                         CsvCase{"two\nlines", "\"two\nlines\""},
                                         CsvCase{"=SUM(A1)", "'=SUM(A1)"}, CsvCase{"+1", "'+1"},
                                         CsvCase{"-5%", "'-5%"}, CsvCase{"@cmd", "'@cmd"},
                                         CsvCase{"\tx", "'\tx"}, CsvCase{"\rx", "\"'\rx\""}, CsvCase{"", ""},
                                         CsvCase{"a = b", "a = b"}));

TEST(Csv, NumbersAreNotGuardedAndAbsentNumbersAreEmpty) {
    std::ostringstream out;
    CsvWriter csv(out);
    csv.number(-3.5);
    csv.number(std::nullopt);
    csv.integer(42);
    csv.endRow();
    EXPECT_EQ(out.str(), "-3.5,,42\r\n");
}

TEST(ClaimCsv, HeaderHasTheContractColumnsInOrder) {
    std::ostringstream out;
    CsvWriter csv(out);
    writeClaimHeader(csv);
    EXPECT_EQ(
        out.str(),
        "claim_id,article_id,article_title,publisher,url,published,quote,start,end,prefix,suffix,value,low,"
        "high,unit,metric,source,as_of,status,tags,note,created_at,updated_at,via,base,sample_size,"
        "fieldwork\r\n");
}

TEST(Uuid, IsAVersion4UuidInItsUsualForm) {
    const std::string uuid = newUuid();
    EXPECT_TRUE(std::regex_match(
        uuid, std::regex("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")))
        << uuid;
    EXPECT_NE(newUuid(), uuid);
}

TEST(ClaimJson, IsWhatAJsonLibraryWritesAndReadsBackExactly) {
    ClaimRecord claim;
    claim.id = 7;
    claim.uuid = "u-7";
    claim.articleId = 2;
    claim.articleUuid = "a-2";
    claim.articleTitle = "Caf\xC3\xA9 \"quoted\" \\ back\tslash \xF0\x9F\x93\xB7";
    claim.published = "2018-03";
    claim.anchor.quote.exact = "176\xC2\xA0million";
    claim.anchor.quote.prefix = std::string("line\nbreak\r\x01\x1F\b\f", 16);
    claim.anchor.range = {10, 21};
    claim.fields.value = 176e6;
    claim.fields.low = 0.125;
    claim.fields.high = 1.4e15;  // past the whole numbers written as integers
    claim.fields.unit = "cameras";
    claim.fields.tags = {"checked", "a \"tag\""};
    claim.createdAt = claim.updatedAt = "2026-11-30T12:00:00.000Z";
    claim.page = 3;

    std::string written;
    appendClaimJson(written, claim);
    const auto parsed = nlohmann::ordered_json::parse(written);
    // The library writes the same bytes for what it read: the same escapes and number forms.
    EXPECT_EQ(parsed.dump(), written);
    EXPECT_EQ(parsed["article_title"], claim.articleTitle);
    EXPECT_EQ(parsed["prefix"], claim.anchor.quote.prefix);
    EXPECT_EQ(parsed["quote"], claim.anchor.quote.exact);
    EXPECT_EQ(parsed["value"].get<std::int64_t>(), 176000000);
    EXPECT_TRUE(parsed["value"].is_number_integer());
    EXPECT_EQ(parsed["low"].get<double>(), 0.125);
    EXPECT_EQ(parsed["high"].get<double>(), 1.4e15);
    EXPECT_TRUE(parsed["publisher"].is_null());
    EXPECT_TRUE(parsed["note"].is_null());
    EXPECT_EQ(parsed["tags"], (std::vector<std::string>{"checked", "a \"tag\""}));
    EXPECT_EQ(parsed["page"], 3);
    std::vector<std::string> keys;
    for (const auto& [key, value] : parsed.items())
        keys.push_back(key);
    const std::vector<std::string> expected{
        "claim_id",   "row_id",    "article_id", "article_row_id", "article_title", "publisher",
        "url",        "published", "quote",      "start",          "end",           "prefix",
        "suffix",     "value",     "low",        "high",           "unit",          "metric",
        "source",     "as_of",     "status",     "tags",           "note",          "created_at",
        "updated_at", "page",      "via",        "base",           "sample_size",   "fieldwork"};
    EXPECT_EQ(keys, expected);
}

// ClaimReview export: every judged claim as the fact-check markup search engines read, checked against the
// properties they require and recommend, and read as JSON-LD with the schema.org context.
#include "cli_support.h"
#include "project.h"
#include "test_support.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <map>

using namespace claimtrack::test;
using nlohmann::json;

namespace {

// Google's fact-check markup (developers.google.com/search/docs/appearance/structured-data/factcheck):
// the properties it requires, and those it recommends, which a review written here has wherever the project
// knows them.
void expectWhatSearchEnginesRequire(const json& review) {
    const std::string where = review.value("claimReviewed", std::string("a review"));
    for (const char* required : {"claimReviewed", "reviewRating", "url"})
        EXPECT_TRUE(review.contains(required)) << where << " has no " << required;
    for (const char* recommended : {"author", "datePublished", "itemReviewed"})
        EXPECT_TRUE(review.contains(recommended)) << where << " has no " << recommended;
    EXPECT_EQ(review["@context"], "https://schema.org");
    EXPECT_EQ(review["@type"], "ClaimReview");
    EXPECT_TRUE(review["url"].get<std::string>().starts_with("https://")) << where;
    EXPECT_FALSE(review["claimReviewed"].get<std::string>().empty());
    const json& rating = review["reviewRating"];
    EXPECT_EQ(rating["@type"], "Rating");
    EXPECT_FALSE(rating.value("alternateName", std::string()).empty()) << where;  // required of a Rating
    EXPECT_GE(rating["ratingValue"], rating["worstRating"]);
    EXPECT_LE(rating["ratingValue"], rating["bestRating"]);
    EXPECT_FALSE(review["author"].value("name", std::string()).empty()) << where;
    const json& claim = review["itemReviewed"];
    EXPECT_EQ(claim["@type"], "Claim");
    for (const char* recommended : {"appearance", "datePublished"})
        EXPECT_TRUE(claim.contains(recommended)) << where << " has no itemReviewed." << recommended;
    EXPECT_FALSE(claim["appearance"].value("url", std::string()).empty()) << where;
    if (claim.contains("author")) {
        EXPECT_TRUE(claim["author"]["@type"] == "Person" || claim["author"]["@type"] == "Organization");
        EXPECT_FALSE(claim["author"].value("name", std::string()).empty());
    }
}

std::string fileBytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

}  // namespace

// Every judged claim whose metric's fact-check is published is a review rated from its status (or, left
// unverified, from the verdict on its conflict); the others are named, and nothing is half-written.
TEST_F(SampleProject, EveryJudgedClaimIsAClaimReviewSearchEnginesRead) {
    ASSERT_EQ(runCli({"settings", project, "--reviewer", "Camera Count Desk", "--reviewer-url",
                      "https://example.org/desk"})
                  .status,
              0);
    const std::string cameras = "Surveillance cameras in China";
    ASSERT_EQ(runCli({"metric", "set", project, cameras, "--fact-check-url",
                      "https://example.org/desk/cameras", "--reviewed", "2026-11-28"})
                  .status,
              0);
    ASSERT_EQ(runCli({"metric", "set", project, "Population of China", "--fact-check-url",
                      "https://example.org/desk/population", "--reviewed", "2026-11-29"})
                  .status,
              0);
    // The 2020 forecasts left unverified, and their conflict decided for the state media's 450 million.
    std::map<std::string, std::int64_t> ids;
    {
        auto opened = claimtrack::Project::open(project);
        ASSERT_TRUE(opened);
        for (const claimtrack::ClaimRecord& claim : *opened->claims()) {
            ids[claim.anchor.quote.exact] = claim.id;
            if (claim.fields.metric == cameras && claim.fields.asOf == "2020") {
                claimtrack::ClaimFields fields = claim.fields;
                fields.status = claimtrack::ClaimStatus::Unverified;
                ASSERT_TRUE(opened->updateClaim(claim.id, fields));
            }
        }
    }
    const std::string stateMedia = std::to_string(ids.at("450 million cameras by 2020"));
    const CliRun verdict = runCli({"verdict", project, std::to_string(ids.at("626 million by 2020")),
                                   stateMedia, "--supported", stateMedia});
    ASSERT_EQ(verdict.status, 0) << verdict.err;

    const std::string output = (dir / "reviews.jsonld").string();
    const CliRun exported = runCli({"export", project, "--format", "claimreview", "-o", output});
    ASSERT_EQ(exported.status, 0) << exported.err;
    const json reviews = json::parse(fileBytes(output));
    ASSERT_TRUE(reviews.is_array());
    std::map<std::string, std::string> ratings;  // claimReviewed: alternateName
    for (const json& review : reviews) {
        expectWhatSearchEnginesRequire(review);
        ratings[review["claimReviewed"]] = review["reviewRating"]["alternateName"];
    }
    // The two population claims by their status; the verdict's side supported, the other disputed, with
    // the same forecast repeated in another article, which the verdict decides too.
    const std::map<std::string, std::string> expected{
        {"Population of China: 1.4 billion people (2018)", "Supported"},
        {"Population of China: about 1.4 billion (2018)", "Supported"},
        {"Surveillance cameras in China: 450 million cameras by 2020", "Supported"},
        {"Surveillance cameras in China: 626 million by 2020", "Disputed"},
        {"Surveillance cameras in China: 626 million forecast by IHS Markit (2020)", "Disputed"}};
    EXPECT_EQ(ratings, expected) << exported.err;
    EXPECT_EQ(reviews[0]["itemReviewed"]["author"]["name"], "IHS Markit");
    EXPECT_EQ(reviews[0]["author"]["url"], "https://example.org/desk");

    // The judged claims of metrics without a published fact-check: each named, none written.
    for (const char* quote : {"2,209 people", "80 percent of respondents", "11.14 million times"})
        EXPECT_NE(exported.err.find(std::string("\"") + quote + "\": its metric"), std::string::npos)
            << quote << '\n'
            << exported.err;
    EXPECT_NE(exported.err.find("5 review(s) written, 4 judged claim(s) left out"), std::string::npos)
        << exported.err;

    const std::string context = std::string(CLAIMTRACK_TESTDATA_DIR) + "/schemaorg/schemaorgcontext.jsonld";
    if (runProcess(QStringLiteral("/usr/bin/python3"), {QStringLiteral("-c"), QStringLiteral("import pyld")})
            .exitCode != 0)
        GTEST_SKIP() << "python3-pyld is not installed: the JSON-LD is not read with the schema.org context";
    const ProcessResult read = runProcess(
        QStringLiteral("/usr/bin/python3"),
        {qs(std::string(CLAIMTRACK_SOURCE_DIR) + "/tests/check_claimreview.py"), qs(output), qs(context)});
    EXPECT_EQ(read.exitCode, 0) << read.out << read.err;
    EXPECT_NE(read.out.find("5 ClaimReview(s) read with the schema.org context"), std::string::npos)
        << read.out;
}

// Without a reviewer nothing is written; a reviewer's URL or a review date that is not one is refused; and
// each refusal leaves the project exactly as it was.
TEST_F(SampleProject, ClaimReviewsWaitForAReviewerAndBadSettingsChangeNothing) {
    const std::string before = fileBytes(project);
    const std::string output = (dir / "reviews.jsonld").string();
    const CliRun unnamed = runCli({"export", project, "--format", "claimreview", "-o", output});
    EXPECT_NE(unnamed.status, 0);
    EXPECT_NE(unnamed.err.find("names no reviewer"), std::string::npos) << unnamed.err;
    EXPECT_FALSE(std::filesystem::exists(output));

    const CliRun badUrl =
        runCli({"settings", project, "--reviewer", "Desk", "--reviewer-url", "example.org"});
    EXPECT_NE(badUrl.status, 0);
    EXPECT_NE(badUrl.err.find("\"example.org\" is not a web address"), std::string::npos) << badUrl.err;
    const CliRun month = runCli({"metric", "set", project, "Population of China", "--fact-check-url",
                                 "https://example.org/p", "--reviewed", "2026-11"});
    EXPECT_NE(month.status, 0);
    EXPECT_NE(month.err.find("\"2026-11\" is not a day"), std::string::npos) << month.err;
    const CliRun notUrl = runCli({"metric", "set", project, "Population of China", "--fact-check-url",
                                  "javascript:alert(1)", "--reviewed", "2026-11-02"});
    EXPECT_NE(notUrl.status, 0);
    EXPECT_EQ(fileBytes(project), before);
    EXPECT_EQ(runCli({"settings", project}).out, "reviewer: \nreviewer URL: \n");
}

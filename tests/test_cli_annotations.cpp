// W3C Web Annotations brought into a project: Claimtrack's own export read back, annotations as web
// annotation tools write them placed by their quotes, and files that are not annotations refused.
#include "cli_support.h"
#include "test_support.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>

using namespace claimtrack;
using namespace claimtrack::test;
using json = nlohmann::json;

namespace {

const std::string kUrl = "https://example.org/ledger/cameras";

class CliAnnotations : public testing::Test {
protected:
    void SetUp() override {
        // The phrase "a million cameras" is there twice: only prefix and suffix tell the two apart.
        writeFile(dir / "a.txt",
                  "Lenses everywhere\nOne count gives a million cameras in Chongqing alone. "
                  "Another finds a million cameras across Guangdong, and 176 million in all.\n");
        for (const std::string& file : {project, other}) {
            ASSERT_EQ(runCli({"init", file}).status, 0);
            ASSERT_EQ(runCli({"import", file, (dir / "a.txt").string(), "--url", kUrl}).status, 0);
        }
        for (const std::vector<std::string>& add :
             {std::vector<std::string>{"--quote", "176 million", "--value", "176000000", "--unit", "cameras",
                                       "--metric", "Surveillance cameras", "--source", "IHS Markit",
                                       "--as-of", "2016", "--tag", "cameras", "--note", "An estimate."},
              {"--quote", "a million cameras", "--occurrence", "2", "--low", "1000000", "--metric",
               "Cameras in Guangdong"}}) {
            std::vector<std::string> args{"claim", "add", project, "--article", "1"};
            args.insert(args.end(), add.begin(), add.end());
            const CliRun added = runCli(args);
            ASSERT_EQ(added.status, 0) << added.err;
        }
    }

    // What each claim records, as `claims --format json` says it, without its ids and times.
    static std::vector<json> recorded(const std::string& file) {
        std::vector<json> claims;
        for (json claim : json::parse(runCli({"claims", file, "--format", "json"}).out)) {
            for (const char* own : {"claim_id", "row_id", "article_id", "created_at", "updated_at"})
                claim.erase(own);
            claims.push_back(claim);
        }
        return claims;
    }

    TempDir dir;
    std::string project = (dir / "p.claims").string(), other = (dir / "other.claims").string();
};

}  // namespace

TEST_F(CliAnnotations, TheExportReadBackGivesTheSameClaimsAndASecondImportAddsNothing) {
    const std::string annotations = (dir / "claims.jsonld").string();
    ASSERT_EQ(runCli({"export", project, "--format", "w3c", "-o", annotations}).status, 0);
    const CliRun imported = runCli({"import", other, annotations});
    ASSERT_EQ(imported.status, 0) << imported.err;
    EXPECT_EQ(imported.out, annotations + ": 2 claim(s) imported\n");
    EXPECT_EQ(recorded(other), recorded(project));
    const CliRun again = runCli({"import", other, annotations});
    EXPECT_EQ(again.out, annotations + ": 0 claim(s) imported; 2 were here already\n");
}

TEST_F(CliAnnotations, AnnotationsFromAnotherToolArePlacedByTheirQuotesAndTheRestNamed) {
    const std::string annotations = (dir / "hypothesis.jsonld").string();
    writeFile(
        annotations,
        json::array(
            {
                // The second "a million cameras", by its prefix; a position that no longer fits.
                {{"@context", "http://www.w3.org/ns/anno.jsonld"},
                 {"id", "https://hyp.example/a/1"},
                 {"type", "Annotation"},
                 {"body",
                  json::array(
                      {{{"type", "TextualBody"}, {"purpose", "tagging"}, {"value", "provinces"}},
                       {{"type", "TextualBody"}, {"purpose", "commenting"}, {"value", "Which survey?"}}})},
                 {"target",
                  {{"source", kUrl},
                   {"selector",
                    json::array({{{"type", "TextQuoteSelector"},
                                  {"exact", "a million cameras"},
                                  {"prefix", "Another finds "},
                                  {"suffix", " across"}},
                                 {{"type", "TextPositionSelector"}, {"start", 3}, {"end", 9}}})}}}},
                // On a page the project does not have.
                {{"type", "Annotation"},
                 {"body", {{"type", "TextualBody"}, {"purpose", "tagging"}, {"value", "x"}}},
                 {"target",
                  {{"source", "https://elsewhere.example/"},
                   {"selector", {{"type", "TextQuoteSelector"}, {"exact", "cameras"}}}}}},
                // Words the article does not have.
                {{"id", "https://hyp.example/a/3"},
                 {"type", "Annotation"},
                 {"target",
                  {{"source", kUrl},
                   {"selector", {{"type", "TextQuoteSelector"}, {"exact", "200 million"}}}}}},
            })
            .dump());
    const CliRun imported = runCli({"import", other, annotations});
    EXPECT_EQ(imported.status, 1) << "some could not be placed";
    EXPECT_EQ(imported.out, annotations + ": 1 claim(s) imported; 2 could not be placed\n");
    EXPECT_EQ(imported.err, "claimtrack-cli: " + annotations +
                                ": annotation 2: no article in the project is https://elsewhere.example/\n"
                                "claimtrack-cli: " +
                                annotations +
                                ": annotation https://hyp.example/a/3: its words are not in the article\n");
    const std::vector<json> claims = recorded(other);
    ASSERT_EQ(claims.size(), 1u);
    EXPECT_EQ(claims[0]["quote"], "a million cameras");
    EXPECT_EQ(
        claims[0]["prefix"].get<std::string>().substr(claims[0]["prefix"].get<std::string>().size() - 14),
        "Another finds ")
        << "the second of the two";
    EXPECT_EQ(claims[0]["tags"], json::array({"provinces"}));
    EXPECT_EQ(claims[0]["note"], "Which survey?");
    EXPECT_EQ(claims[0]["status"], "unverified");
}

TEST_F(CliAnnotations, AFileThatIsNotAnnotationsIsRefusedInOneLineAndChangesNothing) {
    const auto fileState = [&] { return readFile(other) + readFile(other + "-wal"); };
    const std::string before = fileState();
    const auto refused = [&](const std::string& name, const std::string& content) {
        const std::string file = (dir / name).string();
        writeFile(file, content);
        const CliRun run = runCli({"import", other, file});
        EXPECT_NE(run.status, 0);
        EXPECT_EQ(std::count(run.err.begin(), run.err.end(), '\n'), 1) << run.err;
        return run.err;
    };
    EXPECT_NE(refused("cut.jsonld", R"([{"type": "Annotation", "target": )").find("not JSON:"),
              std::string::npos);
    EXPECT_NE(refused("overflow.jsonld", R"([{"type": "Annotation", "x": 5e99999}])").find("number overflow"),
              std::string::npos);
    EXPECT_NE(refused("no-target.jsonld", R"([{"id": "urn:x:1", "type": "Annotation"}])")
                  .find("no-target.jsonld: annotation urn:x:1 has no target"),
              std::string::npos);
    // A file larger than any annotations file is refused before it is read (sparse: it takes no disk).
    const std::filesystem::path huge = dir / "huge.jsonld";
    writeFile(huge, "[");
    std::filesystem::resize_file(huge, std::uintmax_t{1} << 30);
    const CliRun tooLarge = runCli({"import", other, huge.string()});
    EXPECT_EQ(tooLarge.err, "claimtrack-cli: " + huge.string() +
                                " is larger than 256 MiB, more than an exchange file of annotations holds\n");
    EXPECT_EQ(fileState(), before);
}

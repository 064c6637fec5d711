// The command line keeping a project's articles: article set, article delete, memo.
#include "cli_support.h"
#include "test_support.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>

using namespace claimtrack::test;

namespace {

class CliArticles : public testing::Test {
protected:
    void SetUp() override {
        ASSERT_EQ(runCli({"init", project}).status, 0);
        writeFile(dir / "a.txt", "Officials counted 200 million cameras in 2019.\n");
        writeFile(dir / "b.txt", "Skip to content\nA second report\nIt says 5 billion yuan was spent.\n");
        ASSERT_EQ(runCli({"import", project, (dir / "a.txt").string(), (dir / "b.txt").string(), "--author",
                          "R. Porter"})
                      .status,
                  0);
        ASSERT_EQ(
            runCli({"claim", "add", project, "--article", "1", "--quote", "200 million", "--tag", "cameras"})
                .status,
            0);
        ASSERT_EQ(runCli({"detect", project, "--article", "2"}).status, 0);
    }

    nlohmann::json articles() {
        return nlohmann::json::parse(runCli({"articles", project, "--format", "json"}).out);
    }

    TempDir dir;
    std::string project = (dir / "p.claims").string();
};

}  // namespace

TEST_F(CliArticles, SetChangesOnlyTheDetailsGiven) {
    EXPECT_EQ(articles()[1]["title"], "A second report") << "the page's furniture is not its title";
    const CliRun set = runCli({"article", "set", project, "2", "--publisher", "The Harbour Ledger",
                               "--published", "2019-05", "--author", "", "--memo", "Check the yuan figure."});
    ASSERT_EQ(set.status, 0) << set.err;
    EXPECT_EQ(set.out, "");
    const nlohmann::json second = articles()[1];
    EXPECT_EQ(second["title"], "A second report") << "kept: not given";
    EXPECT_EQ(second["publisher"], "The Harbour Ledger");
    EXPECT_EQ(second["published"], "2019-05");
    EXPECT_EQ(second["author"], nullptr) << "\"\" clears it";
    EXPECT_EQ(second["memo"], "Check the yuan figure.");
    EXPECT_EQ(articles()[0]["author"], "R. Porter") << "the other article is untouched";
    EXPECT_NE(runCli({"search", project, "yuan"}).out.find("A second report"), std::string::npos);
    const std::string csv = runCli({"articles", project, "--format", "csv"}).out;
    EXPECT_NE(csv.find(",memo\r\n"), std::string::npos) << csv;
    EXPECT_NE(csv.find(",Check the yuan figure.\r\n"), std::string::npos) << csv;
}

TEST_F(CliArticles, DeleteRefusesAnArticleWithClaimsUnlessAsked) {
    const std::string before = readFile(project);
    const CliRun refused = runCli({"article", "delete", project, "2", "1"});
    EXPECT_EQ(refused.status, 1);
    EXPECT_EQ(
        refused.err,
        "claimtrack-cli: article 1 (\"Officials counted 200 million cameras in 2019.\") has 1 claim; delete "
        "them first, or delete the article with its claims\n");
    EXPECT_EQ(readFile(project), before) << "all or nothing: article 2 is still there";
    EXPECT_EQ(articles().size(), 2u);

    const CliRun deleted = runCli({"article", "delete", project, "1", "2", "--with-claims"});
    ASSERT_EQ(deleted.status, 0) << deleted.err;
    EXPECT_EQ(deleted.out, "deleted article 1 (Officials counted 200 million cameras in 2019.) with 1 claim\n"
                           "deleted article 2 (A second report) with 0 claims\n");
    EXPECT_TRUE(articles().empty());
    EXPECT_EQ(runCli({"claims", project, "--format", "json"}).out, "[]\n");
}

TEST_F(CliArticles, TheProjectMemoIsSetAndPrinted) {
    EXPECT_EQ(runCli({"memo", project}).out, "");
    ASSERT_EQ(runCli({"memo", project, "--set", "Scope: camera counts\nsince 2015"}).status, 0);
    EXPECT_EQ(runCli({"memo", project}).out, "Scope: camera counts\nsince 2015\n");
    ASSERT_EQ(runCli({"memo", project, "--set", ""}).status, 0);
    EXPECT_EQ(runCli({"memo", project}).out, "");
}

// Articles for reference managers, read back by what reads them: CSL-JSON checked against the Citation
// Style Language's own schema (tests/data/csl), BibTeX parsed by pybtex, with LaTeX's specials in a title
// escaped as LaTeX prints them as written; two articles of one author and year get two keys.
TEST_F(CliArticles, ReferenceManagersReadTheArticlesAsTheyAre) {
    const std::string python = "/usr/bin/python3";  // Debian's, with python3-jsonschema and python3-pybtex
    if (!std::filesystem::exists(python))
        GTEST_SKIP() << "Debian's python3 is not installed";
    ASSERT_EQ(runCli({"article", "set", project, "1", "--title", "50% of {lenses} & #tags_ in ~Ürümqi",
                      "--publisher", "The Harbour Ledger", "--published", "2019-04", "--url",
                      "https://example.org/a?x={1}"})
                  .status,
              0);
    ASSERT_EQ(runCli({"article", "set", project, "2", "--published", "2019"}).status, 0);

    const CliRun csl = runCli({"articles", project, "--format", "csl-json"});
    ASSERT_EQ(csl.status, 0) << csl.err;
    writeFile(dir / "articles.json", csl.out);
    const char* validate = R"py(
import json, sys, jsonschema
items = json.load(open(sys.argv[1], encoding="utf-8"))
jsonschema.validate(items, json.load(open(sys.argv[2], encoding="utf-8")))
for item in items:
    print(item["id"], item["type"], item["title"], item.get("container-title"), item.get("issued"), item.get("URL"),
          [a.get("literal") for a in item.get("author", [])])
)py";
    const ProcessResult checked =
        runProcess(qs(python), {QStringLiteral("-c"), QString::fromUtf8(validate), qs(dir / "articles.json"),
                                qs(std::string(CLAIMTRACK_SOURCE_DIR) + "/tests/data/csl/csl-data.json")});
    ASSERT_EQ(checked.exitCode, 0) << checked.err;
    EXPECT_EQ(
        checked.out,
        "article-1 article-newspaper 50% of {lenses} & #tags_ in ~\xC3\x9Cr\xC3\xBCmqi The Harbour Ledger "
        "{'date-parts': [[2019, 4]]} https://example.org/a?x={1} ['R. Porter']\n"
        "article-2 article-newspaper A second report None {'date-parts': [[2019]]} None ['R. Porter']\n");

    const CliRun bib = runCli({"articles", project, "--format", "bibtex"});
    ASSERT_EQ(bib.status, 0) << bib.err;
    writeFile(dir / "articles.bib", bib.out);
    const char* parse = R"py(
import sys
from pybtex.database import parse_file
for key, entry in parse_file(sys.argv[1]).entries.items():
    print(key, entry.type, entry.fields["title"], entry.fields.get("journal"), entry.fields.get("year"), entry.fields.get("month"),
          entry.fields.get("url"), [str(p) for p in entry.persons.get("author", [])])
)py";
    const ProcessResult parsed =
        runProcess(qs(python), {QStringLiteral("-c"), QString::fromUtf8(parse), qs(dir / "articles.bib")});
    ASSERT_EQ(parsed.exitCode, 0) << parsed.err;
    EXPECT_EQ(parsed.out, R"(porter2019 article 50\% of \{lenses\} \& \#tags\_ in \textasciitilde{})"
                          "\xC3\x9Cr\xC3\xBCmqi The Harbour Ledger 2019 4 "
                          "https://example.org/a?x=%7B1%7D ['{R. Porter}']\n"
                          "porter2019a article A second report None 2019 None None ['{R. Porter}']\n");
}

// A reference manager's export fills in what the articles leave empty, never what the researcher wrote;
// an attachment of a reference no article matches is added; a file that is not references is refused.
TEST_F(CliArticles, AReferenceManagersExportFillsInTheDetailsAndAddsAttachments) {
    ASSERT_EQ(runCli({"article", "set", project, "1", "--title", "Lenses on every corner", "--author", "",
                      "--publisher", "Our own note of the paper"})
                  .status,
              0);
    writeFile(dir / "attached.txt", "Rail bans\nCourts barred travellers 5.47 million times.\n");
    const std::string ris = (dir / "zotero.ris").string();
    writeFile(ris,
              "\xEF\xBB\xBFTY  - NEWS\r\nTI  - Lenses on every corner\r\nAU  - Zhang, Mei\r\nAU  - Ashby, "
              "Tom\r\nJO  - The Harbour Ledger\r\nDA  - 2018/03/12/\r\nUR  - https://example.org/lenses\r\n"
              "ER  - \r\n\r\nTY  - RPRT\r\nTI  - Rail bans\r\nPY  - 2019\r\nL1  - attached.txt\r\nER  - \r\n"
              "\r\nTY  - NEWS\r\nTI  - A report we never saved\r\nER  - \r\n");
    const CliRun imported = runCli({"import", project, ris});
    EXPECT_EQ(imported.status, 1) << "one reference matched nothing";
    EXPECT_EQ(imported.out,
              ris + ": details filled in for 1 article(s), 1 added from attachments; 1 matched no article\n");
    EXPECT_EQ(imported.err,
              "claimtrack-cli: " + ris +
                  ": reference \"A report we never saved\": no article has its URL, DOI or title, and it "
                  "names no attachment to add\n");
    const nlohmann::json listed = articles();
    ASSERT_EQ(listed.size(), 3u);
    EXPECT_EQ(listed[0]["author"], "Mei Zhang, Tom Ashby");
    EXPECT_EQ(listed[0]["publisher"], "Our own note of the paper") << "what the researcher wrote stays";
    EXPECT_EQ(listed[0]["url"], "https://example.org/lenses");
    EXPECT_EQ(listed[0]["published"], "2018-03-12");
    EXPECT_EQ(listed[2]["title"], "Rail bans");
    EXPECT_EQ(listed[2]["published"], "2019");
    EXPECT_EQ(runCli({"import", project, ris}).out,
              ris + ": details filled in for 0 article(s), 0 added from attachments; 2 had every detail "
                    "already; 1 matched no article\n");

    // CSL-JSON as Zotero writes it: names in parts, dates as numbers or strings; matched by URL here.
    const std::string csl = (dir / "zotero.json").string();
    writeFile(csl, R"([{"type": "article-newspaper", "title": "A second report",
                        "author": [{"family": "Porter", "given": "Ruth"}], "container-title": "Asia Desk",
                        "issued": {"date-parts": [["2019", "5"]]}}])");
    ASSERT_EQ(runCli({"article", "set", project, "2", "--author", ""}).status, 0);
    const CliRun fromCsl = runCli({"import", project, csl});
    EXPECT_EQ(fromCsl.status, 0) << fromCsl.err;
    EXPECT_EQ(articles()[1]["author"], "Ruth Porter");
    EXPECT_EQ(articles()[1]["publisher"], "Asia Desk");
    EXPECT_EQ(articles()[1]["published"], "2019-05");
}

// A DOI matches the article whose URL carries it (DOIs match without case), whatever the title says; a
// reference added from its attachment keeps its DOI as its link.
TEST_F(CliArticles, AReferencesDoiMatchesTheArticleWhoseUrlCarriesIt) {
    ASSERT_EQ(runCli({"article", "set", project, "2", "--url", "https://doi.org/10.5555/Rail.2019-4_b",
                      "--author", "", "--publisher", ""})
                  .status,
              0);
    writeFile(dir / "attached.txt", "Scores\nSome 1.4 billion people were to be scored.\n");
    const std::string bib = (dir / "refs.bib").string();
    writeFile(bib,
              "@article{a, title = {Bans on rail travel, revised}, author = {Ruth Porter},\n"
              "  journal = {Asia Desk}, year = {2019}, doi = {10.5555/rail.2019-4_B}}\n"
              "@report{b, title = {Scores}, year = {2020}, doi = {10.5555/scores}, file = {attached.txt}}\n");
    const CliRun imported = runCli({"import", project, bib});
    EXPECT_EQ(imported.status, 0) << imported.err;
    const nlohmann::json listed = articles();
    ASSERT_EQ(listed.size(), 3u);
    EXPECT_EQ(listed[1]["author"], "Ruth Porter");
    EXPECT_EQ(listed[1]["publisher"], "Asia Desk");
    EXPECT_EQ(listed[1]["title"], "A second report") << "the researcher's title stays";
    EXPECT_EQ(listed[2]["url"], "https://doi.org/10.5555/scores");
}

TEST_F(CliArticles, AFileOfReferencesThatIsCutShortOrNotReferencesChangesNothing) {
    const std::string before = readFile(project) + readFile(project + "-wal");
    writeFile(dir / "cut.ris", "TY  - NEWS\nTI  - Lenses on every corner\nAU  - Zhang, Mei\n");
    const CliRun cut = runCli({"import", project, (dir / "cut.ris").string()});
    EXPECT_NE(cut.status, 0);
    EXPECT_EQ(cut.err, "claimtrack-cli: " + (dir / "cut.ris").string() +
                           ": not RIS: the last reference has no \"ER  -\" (cut short?)\n");
    writeFile(dir / "notes.ris", "Just some notes\n");
    EXPECT_NE(runCli({"import", project, (dir / "notes.ris").string()}).err.find("not RIS: line 1"),
              std::string::npos);
    writeFile(dir / "broken.json", "[{\"title\": ");
    EXPECT_NE(runCli({"import", project, (dir / "broken.json").string()}).err.find("not CSL-JSON"),
              std::string::npos);
    EXPECT_EQ(readFile(project) + readFile(project + "-wal"), before);
}

// BibTeX as this project writes it, read back into a project whose articles have only their texts; and
// as JabRef writes it: @string macros, # joins, accents and specials, a month by name, a file field.
TEST_F(CliArticles, BibtexFillsInTheDetailsAsItWasWritten) {
    ASSERT_EQ(runCli({"article", "set", project, "1", "--publisher", "The Harbour Ledger & Co", "--published",
                      "2019-04-02", "--url", "https://example.org/lenses"})
                  .status,
              0);
    const std::string bib = (dir / "ours.bib").string();
    writeFile(bib, runCli({"articles", project, "--format", "bibtex"}).out);
    const std::string other = (dir / "other.claims").string();
    ASSERT_EQ(runCli({"init", other}).status, 0);
    ASSERT_EQ(runCli({"import", other, (dir / "a.txt").string(), (dir / "b.txt").string()}).status, 0);
    const CliRun filled = runCli({"import", other, bib});
    ASSERT_EQ(filled.status, 0) << filled.err;
    const auto details = [](const std::string& file) {
        std::vector<std::string> rows;
        for (const auto& a : nlohmann::json::parse(runCli({"articles", file, "--format", "json"}).out))
            rows.push_back(a["title"].dump() + a["author"].dump() + a["publisher"].dump() + a["url"].dump() +
                           a["published"].dump());
        return rows;
    };
    EXPECT_EQ(details(other), details(project));

    writeFile(dir / "attached.txt", "Rail bans\nCourts barred travellers 5.47 million times.\n");
    const std::string jabref = (dir / "jabref.bib").string();
    writeFile(jabref, R"(@string{ledger = "The Harbour " # "Ledger"}
@comment{jabref-meta: databaseType:bibtex;}
@article{M\"uller2019,
  author = {M{\"u}ller, J{\"o}rg and {Staff Reporters}},
  title = {{Rail} bans reach 5.47 million \& counting},
  journal = ledger,
  year = 2019, month = mar,
  file = {:attached.txt:Text}
})");
    const CliRun added = runCli({"import", project, jabref});
    ASSERT_EQ(added.status, 0) << added.err;
    EXPECT_EQ(added.out, jabref + ": details filled in for 0 article(s), 1 added from attachments\n");
    const nlohmann::json listed = articles();
    ASSERT_EQ(listed.size(), 3u);
    EXPECT_EQ(listed[2]["title"], "Rail bans reach 5.47 million & counting");
    EXPECT_EQ(listed[2]["author"], "J\xC3\xB6rg M\xC3\xBCller, Staff Reporters");
    EXPECT_EQ(listed[2]["publisher"], "The Harbour Ledger");
    EXPECT_EQ(listed[2]["published"], "2019-03");

    writeFile(dir / "cut.bib", "@article{a,\n  title = {Never closed\n");
    EXPECT_EQ(runCli({"import", project, (dir / "cut.bib").string()}).err,
              "claimtrack-cli: " + (dir / "cut.bib").string() +
                  ": not BibTeX: line 3: a value that is never closed\n");
}

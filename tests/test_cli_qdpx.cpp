// The project as a REFI-QDA archive (.qdpx), checked by what reads it: xmllint against the standard's
// schema, and Python's zipfile and ElementTree for the archive and the selections' words.
// A control character in a note (no XML 1.0 document can hold one) becomes a space.
#include "cli_support.h"
#include "test_support.h"

#include <QStandardPaths>
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <zip.h>

#include <algorithm>

using namespace claimtrack;
using namespace claimtrack::test;
using json = nlohmann::json;

namespace {

class QdpxExport : public testing::Test {
protected:
    void SetUp() override {
        ASSERT_EQ(runCli({"init", project}).status, 0);
        // Words past the Basic Multilingual Plane and a right-to-left name before the claims: positions
        // count code points, as QDA tools do, not bytes or UTF-16 units.
        writeFile(dir / "a.txt", "Cameras of Chongqing \xF0\x9F\x93\xB7\n"
                                 "IHS Markit said China had 176 million cameras in 2016. "
                                 "Its analyst \xD7\x90\xD7\x91 expects 626 million by 2020.\n");
        writeFile(dir / "b.txt", "Rail bans\nCourts barred travellers from trains 5.47 million times.\n");
        ASSERT_EQ(runCli({"import", project, (dir / "a.txt").string(), (dir / "b.txt").string()}).status, 0);
        for (const std::vector<std::string>& add :
             {std::vector<std::string>{"--article", "1", "--quote", "176 million cameras", "--value",
                                       "176000000", "--unit", "cameras", "--metric", "Surveillance cameras",
                                       "--source", "IHS Markit", "--as-of", "2016", "--tag", "cameras",
                                       "--note", "An estimate &\x0Bnot a count <yet>"},
              {"--article", "1", "--quote", "626 million", "--value", "626000000", "--metric",
               "Surveillance cameras", "--source", "IHS Markit", "--tag", "cameras", "--tag", "forecast"},
              {"--article", "2", "--quote", "5.47 million times", "--value", "5470000", "--unit", "times",
               "--metric", "Train bans"}}) {
            std::vector<std::string> args{"claim", "add", project};
            args.insert(args.end(), add.begin(), add.end());
            const CliRun added = runCli(args);
            ASSERT_EQ(added.status, 0) << added.err;
        }
        ASSERT_EQ(
            runCli({"article", "set", project, "2", "--memo", "Ask the court for its own count."}).status, 0);
        ASSERT_EQ(runCli({"memo", project, "--set", "Scope: cameras and bans."}).status, 0);
    }

    TempDir dir;
    std::string project = (dir / "p.claims").string();
};

}  // namespace

TEST_F(QdpxExport, TheArchiveIsValidQdaXmlAndEverySelectionHoldsItsClaimsWords) {
    for (const char* tool : {"xmllint", "python3"})
        if (QStandardPaths::findExecutable(QString::fromLatin1(tool)).isEmpty())
            GTEST_SKIP() << tool << " is not installed (libxml2-utils, python3)";
    const std::string archive = (dir / "p.qdpx").string();
    const CliRun exported = runCli({"export", project, "--format", "qdpx", "-o", archive});
    ASSERT_EQ(exported.status, 0) << exported.err;
    EXPECT_FALSE(std::filesystem::exists(archive + ".partial"));

    // The archive's contents, as Python's zipfile and ElementTree read them.
    const char* read = R"py(
import sys, zipfile, xml.etree.ElementTree as ET
ns = {"q": "urn:QDA-XML:project:1.0"}
with zipfile.ZipFile(sys.argv[1]) as z:
    z.extract("project.qde", sys.argv[2])
    root = ET.fromstring(z.read("project.qde"))
    codes = {c.get("guid"): c.get("name") for c in root.iter("{urn:QDA-XML:project:1.0}Code")}
    notes = {n.get("guid"): n.find("q:PlainTextContent", ns).text for n in root.iter("{urn:QDA-XML:project:1.0}Note")}
    for source in root.find("q:Sources", ns):
        path = source.get("plainTextPath")
        assert path.startswith("internal://"), path
        text = z.read("sources/" + path[len("internal://"):]).decode("utf-8")
        print("source", source.get("name"), "|".join(notes[r.get("targetGUID")] for r in source.findall("q:NoteRef", ns)))
        for s in source.findall("q:PlainTextSelection", ns):
            start, end = int(s.get("startPosition")), int(s.get("endPosition"))
            words = text[start:end]
            assert words == s.get("name"), (words, s.get("name"))
            coded = sorted(codes[c.find("q:CodeRef", ns).get("targetGUID")] for c in s.findall("q:Coding", ns))
            noted = [notes[r.get("targetGUID")] for r in s.findall("q:NoteRef", ns)]
            print(" ", words, "=", s.find("q:Description", ns).text, "|", ", ".join(coded), "|", "|".join(noted))
    print("project notes:", sorted(n for n in notes.values()))
    guids = [e.get("guid") for e in root.iter() if e.get("guid")]
    assert len(guids) == len(set(guids)), "a GUID given twice"
)py";
    const ProcessResult listed =
        runProcess(QStringLiteral("python3"),
                   {QStringLiteral("-c"), QString::fromUtf8(read), qs(archive), qs(dir.path())});
    ASSERT_EQ(listed.exitCode, 0) << listed.err;
    EXPECT_EQ(
        listed.out,
        "source Cameras of Chongqing \xF0\x9F\x93\xB7 \n"
        "  176 million cameras = 176,000,000 cameras, as of 2016 | IHS Markit, Surveillance cameras, "
        "cameras, "
        "unverified | An estimate & not a count <yet>\n"
        "  626 million = 626,000,000 | IHS Markit, Surveillance cameras, cameras, forecast, unverified | \n"
        "source Rail bans Ask the court for its own count.\n"
        "  5.47 million times = 5,470,000 times | Train bans, unverified | \n"
        "project notes: ['An estimate & not a count <yet>', 'Ask the court for its own count.', 'Scope: "
        "cameras and bans.']\n");

    // The document against the standard's schema (QDA-XML 1.0).
    const ProcessResult valid =
        runProcess(QStringLiteral("xmllint"),
                   {QStringLiteral("--noout"), QStringLiteral("--schema"),
                    qs(std::string(CLAIMTRACK_SOURCE_DIR) + "/tests/data/refi-qda/Project-mrt2019.xsd"),
                    qs(dir / "project.qde")});
    EXPECT_EQ(valid.exitCode, 0) << valid.err;

    // The same project gives the same document: every GUID is the project's own or derived from a name.
    const std::string again = (dir / "again.qdpx").string();
    ASSERT_EQ(runCli({"export", project, "--format", "qdpx", "-o", again}).status, 0);
    const char* document =
        "import sys, zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read('project.qde').decode())";
    EXPECT_EQ(runProcess(QStringLiteral("python3"),
                         {QStringLiteral("-c"), QString::fromLatin1(document), qs(archive)})
                  .out,
              runProcess(QStringLiteral("python3"),
                         {QStringLiteral("-c"), QString::fromLatin1(document), qs(again)})
                  .out);
}

TEST_F(QdpxExport, IsRefusedWithoutAFileOrWhereItCannotBeWrittenAndLeavesNothingBehind) {
    const CliRun toStdout = runCli({"export", project, "--format", "qdpx"});
    EXPECT_EQ(toStdout.status, 2);
    EXPECT_EQ(toStdout.err, "claimtrack-cli: a REFI-QDA project is written to a file: give -o FILE.qdpx\n");

    const std::string nowhere = (dir / "missing" / "p.qdpx").string();
    const CliRun refused = runCli({"export", project, "--format", "qdpx", "-o", nowhere});
    EXPECT_NE(refused.status, 0);
    EXPECT_NE(refused.err.find("cannot create " + nowhere), std::string::npos) << refused.err;
    EXPECT_FALSE(std::filesystem::exists(dir / "missing"));
}

// The notes wait in a temporary file until the document's Notes, after every source: with no folder for
// temporary files, the export is refused in one line and leaves nothing behind.
TEST_F(QdpxExport, WithNoFolderForItsNotesIsRefusedInOneLineAndLeavesNothingBehind) {
    const std::string archive = (dir / "p.qdpx").string();
    const char* given = std::getenv("TMPDIR");
    const std::string before = given ? given : "";
    setenv("TMPDIR", (dir / "gone").c_str(), 1);
    const CliRun refused = runCli({"export", project, "--format", "qdpx", "-o", archive});
    if (given)
        setenv("TMPDIR", before.c_str(), 1);
    else
        unsetenv("TMPDIR");
    EXPECT_EQ(refused.status, 1);
    EXPECT_EQ(refused.err, "claimtrack-cli: cannot keep the notes in a temporary file in " +
                               (dir / "gone").string() + " while exporting: No such file or directory\n");
    EXPECT_FALSE(std::filesystem::exists(archive));
    EXPECT_FALSE(std::filesystem::exists(archive + ".partial"));
    EXPECT_EQ(runCli({"export", project, "--format", "qdpx", "-o", archive}).status, 0);
}

namespace {

// Writes a zip archive of these files, as another tool would.
void writeArchive(const std::filesystem::path& path,
                  const std::vector<std::pair<std::string, std::string>>& files) {
    int error = 0;
    zip_t* zip = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
    ASSERT_NE(zip, nullptr);
    for (const auto& [name, bytes] : files) {
        zip_source_t* source = zip_source_buffer(zip, bytes.data(), bytes.size(), 0);
        ASSERT_GE(zip_file_add(zip, name.c_str(), source, ZIP_FL_ENC_UTF_8), 0);
    }
    ASSERT_EQ(zip_close(zip), 0);
}

// A project.qde as QDA tools write it: codes nested two deep, a source with its text inline and one in
// the archive (CRLF line ends, which the project stores as LF), a picture, and a note.
std::string qdaDocument(std::string_view selections = {}) {
    return fmt::format(R"xml(<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Fieldwork" origin="QualCoder">
 <CodeBook><Codes>
  <Code guid="11111111-1111-1111-1111-111111111111" name="Surveillance" isCodable="true">
   <Code guid="22222222-2222-2222-2222-222222222222" name="camera counts" isCodable="true"/>
  </Code>
  <Code guid="33333333-3333-3333-3333-333333333333" name="contested" isCodable="true"/>
 </Codes></CodeBook>
 <Sources>
  <TextSource guid="44444444-4444-4444-4444-444444444444" name="Interview 1">
   <PlainTextContent>She said the city put up 4,000 cameras last year.</PlainTextContent>
   <PlainTextSelection guid="55555555-5555-5555-5555-555555555555" startPosition="25" endPosition="38">
    <Coding guid="66666666-6666-6666-6666-666666666666"><CodeRef targetGUID="22222222-2222-2222-2222-222222222222"/></Coding>
    <Coding guid="77777777-7777-7777-7777-777777777777"><CodeRef targetGUID="33333333-3333-3333-3333-333333333333"/></Coding>
    <NoteRef targetGUID="88888888-8888-8888-8888-888888888888"/>
   </PlainTextSelection>{}
  </TextSource>
  <TextSource guid="99999999-9999-9999-9999-999999999999" name="Report" plainTextPath="internal://report.txt">
   <PlainTextSelection guid="aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa" startPosition="26" endPosition="37">
    <Coding guid="bbbbbbbb-bbbb-bbbb-bbbb-bbbbbbbbbbbb"><CodeRef targetGUID="22222222-2222-2222-2222-222222222222"/></Coding>
   </PlainTextSelection>
  </TextSource>
  <PictureSource guid="cccccccc-cccc-cccc-cccc-cccccccccccc" name="Photo" path="internal://photo.jpg">
   <TextDescription guid="dddddddd-dddd-dddd-dddd-dddddddddddd" name="caption"/>
  </PictureSource>
 </Sources>
 <Notes><Note guid="88888888-8888-8888-8888-888888888888" name="memo">
  <PlainTextContent>Check against the city's own list.</PlainTextContent>
 </Note></Notes>
</Project>
)xml",
                       selections);
}

const std::string kReportText = "Camera report\r\nIt counted 176 million cameras in all.\r\n";

}  // namespace

TEST_F(QdpxExport, ReadBackIntoAnEmptyProjectTheClaimsAreTheSameAndASecondImportAddsNothing) {
    const std::string archive = (dir / "p.qdpx").string();
    ASSERT_EQ(runCli({"export", project, "--format", "qdpx", "-o", archive}).status, 0);
    const std::string other = (dir / "other.claims").string();
    ASSERT_EQ(runCli({"init", other}).status, 0);
    const CliRun imported = runCli({"import", other, archive});
    ASSERT_EQ(imported.status, 0) << imported.err;
    EXPECT_EQ(imported.out, archive + ": 2 article(s) and 3 claim(s) imported\n");
    // What the selections carry comes back: quote, article, metric, source, tags, status and note (the
    // figure itself is in QDA-XML only as words, and is left to be read again).
    const auto carried = [](const std::string& file) {
        std::vector<std::string> rows;
        for (const auto& claim : json::parse(runCli({"claims", file, "--format", "json"}).out))
            rows.push_back(claim["quote"].dump() + claim["article_title"].dump() + claim["metric"].dump() +
                           claim["source"].dump() + claim["tags"].dump() + claim["status"].dump() +
                           claim["note"].dump());
        return rows;
    };
    std::vector<std::string> expected = carried(project);
    for (std::string& row : expected)  // the note's vertical tab, which XML cannot hold, went out as a space
        if (const auto at = row.find("\\u000b"); at != std::string::npos)
            row.replace(at, 6, " ");
    EXPECT_EQ(carried(other), expected);
    const CliRun again = runCli({"import", other, archive});
    EXPECT_EQ(again.out, archive + ": 0 article(s) and 0 claim(s) imported; 2 article(s) and 3 claim(s) were "
                                   "here already\n");
    EXPECT_EQ(carried(other).size(), 3u);
}

TEST_F(QdpxExport, AnotherToolsProjectBringsItsTextsAndCodedSelectionsAsTaggedClaims) {
    const std::string archive = (dir / "fieldwork.qdpx").string();
    // A second coder's selection of the same words is a claim of its own.
    writeArchive(archive, {{"project.qde", qdaDocument(R"(
   <PlainTextSelection guid="ffffffff-ffff-ffff-ffff-ffffffffffff" startPosition="25" endPosition="38">
    <Coding guid="12121212-1212-1212-1212-121212121212"><CodeRef targetGUID="33333333-3333-3333-3333-333333333333"/></Coding>
   </PlainTextSelection>)")},
                           {"sources/report.txt", kReportText}});
    const CliRun imported = runCli({"import", project, archive});
    ASSERT_EQ(imported.status, 0) << imported.err;
    EXPECT_EQ(
        imported.out,
        archive +
            ": 2 article(s) and 3 claim(s) imported; 1 picture, PDF, audio or video source(s) left out\n");
    const json claims = json::parse(runCli({"claims", project, "--format", "json"}).out);
    ASSERT_EQ(claims.size(), 6u);
    EXPECT_EQ(claims[3]["quote"], "4,000 cameras");
    EXPECT_EQ(claims[3]["article_title"], "Interview 1");
    EXPECT_EQ(claims[3]["tags"], json::parse(R"(["camera counts", "contested"])"));
    EXPECT_EQ(claims[3]["note"], "Check against the city's own list.");
    EXPECT_EQ(claims[3]["status"], "unverified");
    EXPECT_EQ(claims[4]["quote"], "4,000 cameras");
    EXPECT_EQ(claims[4]["tags"], json::parse(R"(["contested"])"));
    EXPECT_EQ(claims[5]["quote"], "176 million") << "found again in the text as stored, its CRLF now LF";
    EXPECT_EQ(claims[5]["article_title"], "Report");
}

TEST_F(QdpxExport, ABadOrHostileArchiveIsRefusedInOneLineAndTheProjectIsLeftAsItWas) {
    const auto fileState = [&] { return readFile(project) + readFile(project + "-wal"); };
    const std::string before = fileState();
    const auto refused = [&](const std::string& name,
                             const std::vector<std::pair<std::string, std::string>>& files) {
        const std::string archive = (dir / name).string();
        writeArchive(archive, files);
        const CliRun run = runCli({"import", project, archive});
        EXPECT_NE(run.status, 0) << name;
        EXPECT_EQ(std::count(run.err.begin(), run.err.end(), '\n'), 1) << run.err;
        return run.err;
    };
    EXPECT_NE(
        refused("outside.qdpx", {{"project.qde", qdaDocument(R"(
   <PlainTextSelection guid="eeeeeeee-eeee-eeee-eeee-eeeeeeeeeeee" startPosition="40" endPosition="90"/>)")},
                                 {"sources/report.txt", kReportText}})
            .find(
                "project.qde line 17: selection \"\" runs from 40 to 90, outside its source's 49 characters"),
        std::string::npos);
    EXPECT_NE(refused("laughs.qdpx", {{"project.qde", R"(<?xml version="1.0"?>
<!DOCTYPE Project [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>
<Project xmlns="urn:QDA-XML:project:1.0" name="&c;"/>)"}})
                  .find("a document type declaration (DTD), which an exchange file has no use for"),
              std::string::npos);
    EXPECT_NE(
        refused("newer.qdpx", {{"project.qde", R"(<Project xmlns="urn:QDA-XML:project:2.0" name="x"/>)"}})
            .find("the namespace \"urn:QDA-XML:project:2.0\"; this version reads urn:QDA-XML:project:1.0"),
        std::string::npos);
    EXPECT_NE(
        refused("broken.qdpx", {{"project.qde", "<Project xmlns=\"urn:QDA-XML:project:1.0\"><Sources>"}})
            .find("XML that is not well-formed"),
        std::string::npos);
    EXPECT_NE(refused("empty.qdpx", {{"readme.txt", "nothing"}}).find("project.qde is not in the archive"),
              std::string::npos);
    // Cut short, as a download that stopped.
    const std::string whole = (dir / "whole.qdpx").string();
    writeArchive(whole, {{"project.qde", qdaDocument()}, {"sources/report.txt", kReportText}});
    const std::string bytes = readFile(whole);
    writeFile(dir / "cut.qdpx", bytes.substr(0, bytes.size() / 2));
    const CliRun cut = runCli({"import", project, (dir / "cut.qdpx").string()});
    EXPECT_NE(cut.status, 0);
    EXPECT_NE(cut.err.find("not a readable .qdpx archive"), std::string::npos) << cut.err;
    EXPECT_EQ(fileState(), before);
}

// The project as a REFI-QDA archive (.qdpx), checked by what reads it: xmllint against the standard's
// schema, and Python's zipfile and ElementTree for the archive and the selections' words.
// A control character in a note (no XML 1.0 document can hold one) becomes a space.
#include "cli_support.h"
#include "test_support.h"

#include <QStandardPaths>

#include <gtest/gtest.h>

using namespace claimtrack;
using namespace claimtrack::test;

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

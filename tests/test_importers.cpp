// Importers: text in other encodings, saved web pages and PDFs, each checked
// word for word against the text it was made from.
#include "importers/document.h"
#include "importers/encoding.h"
#include "importers/html.h"
#include "importers/pdf.h"
#include "importers/qdpx.h"
#include "pdf_writer.h"
#include "test_support.h"

#include <gtest/gtest.h>
#include <zip.h>

#include <filesystem>
#include <map>
#include <sstream>

using namespace claimtrack;
using namespace claimtrack::test;

namespace {

struct Encoded {
    const char* name;
    const char* encoding;               // what the test writes the text in
    std::vector<std::string> detected;  // what detection may call it (Latin-1 text is also Windows-1252)
    std::string text;
};

void PrintTo(const Encoded& e, std::ostream* os) {
    *os << e.name;
}

class DecodeText : public testing::TestWithParam<Encoded> {};

TEST_P(DecodeText, FindsTheEncodingAndConvertsExactly) {
    const Encoded& c = GetParam();
    auto bytes = encodeText(c.text, c.encoding);
    ASSERT_TRUE(bytes) << bytes.error().message;
    if (std::string_view(c.encoding).starts_with("UTF-16"))
        *bytes =
            (std::string_view(c.encoding) == "UTF-16LE" ? std::string("\xFF\xFE") : std::string("\xFE\xFF")) +
            *bytes;
    ASSERT_NE(*bytes, c.text) << "the test must give the decoder something to do";
    const auto decoded = decodeText(*bytes, "a.txt");
    ASSERT_TRUE(decoded) << decoded.error().message;
    EXPECT_EQ(decoded->utf8, c.text);
    EXPECT_NE(std::find(c.detected.begin(), c.detected.end(), decoded->encoding), c.detected.end())
        << decoded->encoding;
}

// Our own sentences, long enough for a detector to have something to go on, as real articles do.
const std::string kFrench =
    "Le système de crédit social évalue les entreprises et les citoyens. À Rongcheng, chacun commence "
    "avec mille points ; une infraction coûte cher, un acte généreux rapporte quelques points. Les "
    "critiques y voient une surveillance déguisée, les partisans un outil de confiance « pour tous ».";
const std::string kGerman =
    "Die Stadt hat an jeder Straßenecke Kameras aufgestellt. Über die Zahl der Geräte gibt es keine "
    "verlässlichen Angaben; Schätzungen für das ganze Land liegen zwischen 200 und 626 Millionen. "
    "Kritiker fürchten, dass die Überwachung größer wird, als die Behörden zugeben.";
const std::string kChinese =
    "社会信用体系建设规划纲要提出，到二零二零年基本建立社会信用基础性法规和标准体系。"
    "各地试点城市对企业和个人的信用进行评分，失信者可能被限制乘坐飞机和高铁。"
    "研究人员指出，不同报道中的数字差别很大，需要仔细核对来源。";
const std::string kRussian =
    "Система социального кредита оценивает граждан и компании. По данным исследователей, в стране "
    "установлено более двухсот миллионов камер видеонаблюдения, и их число продолжает расти каждый год.";
const std::string kJapanese =
    "中国の社会信用システムは、企業と個人の信用を点数で評価する仕組みです。監視カメラの数については、"
    "報道によって二億台から六億台まで大きな差があり、出典を確かめることが大切です。";

INSTANTIATE_TEST_SUITE_P(
    Cases, DecodeText,
    testing::Values(Encoded{"Utf16LittleEndianWithMark", "UTF-16LE", {"UTF-16LE"}, kChinese + "\n" + kFrench},
                    Encoded{"Utf16BigEndianWithMark", "UTF-16BE", {"UTF-16BE"}, kGerman},
                    Encoded{"Windows1252",
                            "windows-1252",
                            {"WINDOWS-1252", "ISO-8859-1"},
                            kFrench + " Le budget : 5 € — “un chiffre”."},
                    Encoded{"Latin1", "ISO-8859-1", {"ISO-8859-1", "WINDOWS-1252"}, kGerman},
                    Encoded{"Gb18030", "GB18030", {"GB18030"}, kChinese},
                    Encoded{"Windows1251", "windows-1251", {"WINDOWS-1251"}, kRussian},
                    Encoded{"ShiftJis", "Shift_JIS", {"SHIFT_JIS"}, kJapanese}),
    [](const testing::TestParamInfo<Encoded>& param) { return std::string(param.param.name); });

TEST(DecodeText, Utf8IsTakenAsItIsWithOrWithoutAMark) {
    const auto plain = decodeText(kChinese, "a.txt");
    ASSERT_TRUE(plain);
    EXPECT_EQ(plain->utf8, kChinese);
    EXPECT_EQ(plain->encoding, "UTF-8");
    const auto marked = decodeText("\xEF\xBB\xBF" + kFrench, "a.txt");
    ASSERT_TRUE(marked);
    EXPECT_EQ(marked->utf8, kFrench);
}

TEST(DecodeText, RefusesWhatItCannotTellOrConvert) {
    // A UTF-16 mark before an odd number of bytes, and a lone surrogate.
    const auto odd = decodeText(std::string("\xFF\xFE"
                                            "a\0b",
                                            5),
                                "odd.txt");
    ASSERT_FALSE(odd);
    EXPECT_EQ(odd.error().message,
              "odd.txt looks like UTF-16LE but is not valid UTF-16LE; save it as UTF-8 and "
              "import it again");
    const auto lone = decodeText(std::string("\xFF\xFE\x00\xD8"
                                             "a\0",
                                             6),
                                 "lone.txt");
    EXPECT_FALSE(lone);
    // Bytes with no encoding to them: invalid UTF-8 that no detector can place.
    const auto noise = decodeText("\xC3\x28\xA0\xA1\xE2\x28\xA1\xF0\x28\x8C\xBC", "noise.txt");
    ASSERT_FALSE(noise) << noise->encoding;
    EXPECT_EQ(noise.error().message,
              "noise.txt: cannot tell which encoding the text is in (it is not UTF-8, and "
              "read as WINDOWS-1252 it is not text); save it as UTF-8 and import it again");
}

// --- Saved web pages -----------------------------------------------------------------------------------

std::string replaceAll(std::string text, const std::string& from, const std::string& to) {
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
    return text;
}

std::string escapeHtml(std::string text) {
    text = replaceAll(std::move(text), "&", "&amp;");
    text = replaceAll(std::move(text), "<", "&lt;");
    text = replaceAll(std::move(text), ">", "&gt;");
    return replaceAll(std::move(text), "\"", "&quot;");
}

std::map<std::string, int> wordCounts(const std::string& text) {
    std::map<std::string, int> counts;
    std::istringstream words(text);
    for (std::string word; words >> word;)
        ++counts[word];
    return counts;
}

int total(const std::map<std::string, int>& counts) {
    int n = 0;
    for (const auto& [word, count] : counts)
        n += count;
    return n;
}

struct SampleArticle {
    std::string title;
    std::vector<std::string> paragraphs;
    ArticleMeta meta;
};

std::vector<SampleArticle> sampleArticles() {
    const std::filesystem::path samples = std::filesystem::path(CLAIMTRACK_SOURCE_DIR) / "samples";
    std::vector<SampleArticle> articles;
    std::istringstream rows(test::readFile(samples / "articles.csv"));
    std::string row;
    std::getline(rows, row);  // the header
    while (std::getline(rows, row)) {
        std::vector<std::string> fields;
        std::istringstream cells(row);
        for (std::string cell; std::getline(cells, cell, ',');)
            fields.push_back(cell);
        EXPECT_EQ(fields.size(), 6u) << row;  // the sample metadata has no quoted commas
        if (fields.size() != 6)
            continue;
        std::istringstream text(test::readFile(samples / "articles" / fields[0]));
        SampleArticle article{{}, {}, {fields[1], fields[2], fields[3], fields[4], fields[5]}};
        std::getline(text, article.title);
        for (std::string line; std::getline(text, line);)
            if (!line.empty())
                article.paragraphs.push_back(line);
        articles.push_back(std::move(article));
    }
    return articles;
}

// What a browser would show of a page, roughly: the text outside tags, scripts and styles.
std::string pageText(std::string html) {
    for (const std::string tag : {"script", "style"})
        for (std::size_t at = html.find("<" + tag); at != std::string::npos; at = html.find("<" + tag, at))
            html.erase(at, html.find("</" + tag + ">", at) + tag.size() + 3 - at);
    std::string text;
    bool inTag = false;
    for (const char c : html) {
        if (c == '<' || c == '>')
            inTag = c == '<', text += ' ';
        else if (!inTag)
            text += c;
    }
    return text;
}

std::string renderPage(const std::string& page, const SampleArticle& article) {
    std::string paragraphs;
    for (const std::string& p : article.paragraphs)
        paragraphs += "<p>" + escapeHtml(p) + "</p>\n";
    std::string html = replaceAll(page, "{{PARAGRAPHS}}", paragraphs);
    for (const auto& [key, value] : {std::pair{"{{TITLE}}", article.title},
                                     {"{{AUTHOR}}", article.meta.author},
                                     {"{{PUBLISHER}}", article.meta.publisher},
                                     {"{{URL}}", article.meta.url},
                                     {"{{PUBLISHED}}", article.meta.published}})
        html = replaceAll(std::move(html), key, escapeHtml(value));
    return html;
}

// Every sample article in every saved-page layout: the article's words kept, the page's other words dropped.
TEST(HtmlImport, KeepsTheArticleAndDropsTheBoilerplate) {
    const std::vector<SampleArticle> articles = sampleArticles();
    ASSERT_EQ(articles.size(), 6u);
    int articleWords = 0, keptWords = 0, boilerplateWords = 0, leakedWords = 0;
    for (const auto& entry : std::filesystem::directory_iterator(
             std::filesystem::path(CLAIMTRACK_SOURCE_DIR) / "samples" / "pages")) {
        if (entry.path().extension() != ".html")
            continue;
        const std::string layout = test::readFile(entry.path());
        int pageArticle = 0, pageKept = 0, pageBoilerplate = 0, pageLeaked = 0;
        for (const SampleArticle& article : articles) {
            const std::string html = renderPage(layout, article);
            std::string expected = article.title;
            for (const std::string& p : article.paragraphs)
                expected += "\n\n" + p;
            const auto extracted = extractHtmlArticle(html, entry.path().filename().string());
            ASSERT_TRUE(extracted) << extracted.error().message;
            SCOPED_TRACE(entry.path().filename().string() + ": " + article.title);
            EXPECT_EQ(extracted->meta.title, article.title);
            EXPECT_EQ(extracted->meta.author, article.meta.author);
            EXPECT_EQ(extracted->meta.publisher, article.meta.publisher);
            EXPECT_EQ(extracted->meta.url, article.meta.url);
            EXPECT_EQ(extracted->meta.published, article.meta.published);

            EXPECT_EQ(extracted->text, expected) << "the article word for word, with its paragraph breaks";
            // Words are compared as multisets: those of the article found, and the others found.
            const auto want = wordCounts(expected), got = wordCounts(extracted->text);
            int kept = 0;
            for (const auto& [word, count] : want)
                kept += std::min(count, got.contains(word) ? got.at(word) : 0);
            pageArticle += total(want);
            pageKept += kept;
            pageLeaked += total(got) - kept;
            pageBoilerplate += total(wordCounts(pageText(html))) - total(want);
        }
        std::printf("[ pages    ] %-16s article words kept %5.1f%%, boilerplate words dropped %5.1f%%\n",
                    entry.path().filename().string().c_str(), 100.0 * pageKept / pageArticle,
                    100.0 - 100.0 * pageLeaked / pageBoilerplate);
        articleWords += pageArticle, keptWords += pageKept;
        boilerplateWords += pageBoilerplate, leakedWords += pageLeaked;
    }
    const double kept = static_cast<double>(keptWords) / articleWords;
    const double dropped = 1.0 - static_cast<double>(leakedWords) / boilerplateWords;
    std::printf("[ pages    ] all: article words kept %.1f%%, boilerplate words dropped %.1f%%\n", 100 * kept,
                100 * dropped);
    EXPECT_GE(kept, 0.95);
    EXPECT_GE(dropped, 0.95);
}

// --- PDFs ----------------------------------------------------------------------------------------------

const std::vector<PdfPage> kReport = {
    {{{"Cameras on every corner"},
      {"The city installed cameras along every road and railway, and officials said the",
       "network would grow by a third before the end of the year."},
      {"Estimates of the national total vary widely: one market research firm counted 176",
       "million surveil-", "lance cameras in 2016."}},
     false},
    {{{"Critics say the numbers are models built on sales data rather than inventories, and",
       "that nobody outside the security services knows the real figure."}},
     false}};

TEST(PdfImport, PagesInReadingOrderWithParagraphsAndMetadata) {
    const std::string pdf = makePdf(kReport, "Cameras on every corner", "Mei Zhang");
    const auto article = extractPdfArticle(pdf, "report.pdf");
    ASSERT_TRUE(article) << article.error().message;
    ASSERT_EQ(article->pages.size(), 2u);
    EXPECT_EQ(
        article->pages[0],
        "Cameras on every corner\n\n"
        "The city installed cameras along every road and railway, and officials said the network would grow "
        "by a third before the end of the year.\n\n"
        "Estimates of the national total vary widely: one market research firm counted 176 million "
        "surveillance cameras in 2016.");
    EXPECT_EQ(article->pages[1],
              "Critics say the numbers are models built on sales data rather than inventories, "
              "and that nobody outside the security services knows the real figure.");
    EXPECT_EQ(article->meta.title, "Cameras on every corner");
    EXPECT_EQ(article->meta.author, "Mei Zhang");
    EXPECT_EQ(article->meta.published, "2019-01-15");
}

TEST(PdfImport, TwoColumnsAreReadColumnByColumn) {
    // Left column first, as a reader reads it, though its lines share their heights with the right one's.
    const std::string columns = "BT /F1 11 Tf 14 TL 72 720 Td (The left column opens the story and) Tj T* "
                                "(runs down the page first.) Tj ET "
                                "BT /F1 11 Tf 14 TL 320 720 Td (The right column continues it) Tj T* "
                                "(after the left one ends.) Tj ET";
    const auto article =
        extractPdfArticle(makePdf({{{}, false}}, "Columns", "Layout", columns), "columns.pdf");
    ASSERT_TRUE(article) << article.error().message;
    EXPECT_EQ(article->pages[0], "The left column opens the story and runs down the page first.\n\n"
                                 "The right column continues it after the left one ends.");
}

TEST(PdfImport, EveryCharacterKnowsItsPage) {
    const auto document = readDocument(makePdf(kReport, "Cameras", "Mei Zhang"), "report.pdf");
    ASSERT_TRUE(document) << document.error().message;
    EXPECT_EQ(document->format, DocumentFormat::Pdf);
    ASSERT_EQ(document->pageStarts.size(), 2u);
    const std::u32string text = toCodePoints(document->text);
    const auto offset = [&](const std::string& word) {
        return static_cast<std::int64_t>(text.find(toCodePoints(word)));
    };
    EXPECT_EQ(pageAt(document->pageStarts, offset("surveillance")), 1);
    EXPECT_EQ(pageAt(document->pageStarts, offset("Critics")), 2);
    EXPECT_EQ(document->text.find('\f'), std::string::npos);
    EXPECT_EQ(toUtf8(text.substr(static_cast<std::size_t>(document->pageStarts[1]), 7)), "Critics");
}

TEST(PdfImport, PagesWithoutTextAtTheEndStartNoPageBeyondTheText) {
    // A report whose last pages are a chart and a blank back cover: their feeds are trimmed with the
    // text's trailing line ends, so no page may be said to start past the text.
    const auto document = readDocument(
        makePdf({kReport.front(), {{}, true}, {{}, true}}, "Cameras", "Mei Zhang"), "report.pdf");
    ASSERT_TRUE(document) << document.error().message;
    const std::int64_t length = codePointCount(document->text);
    ASSERT_FALSE(document->pageStarts.empty());
    for (const std::int64_t start : document->pageStarts)
        EXPECT_LT(start, length);
    EXPECT_EQ(pageAt(document->pageStarts, length - 1), 1);
}

TEST(PdfImport, RefusesScansZipBombsAndDamage) {
    const auto scan = extractPdfArticle(makePdf({{{}, true}, {{}, true}}, "Scan", "Copier"), "scan.pdf");
    ASSERT_FALSE(scan);
    EXPECT_EQ(scan.error().message,
              "scan.pdf has no text to import: it looks like a scan (pages as images). Run it "
              "through OCR first, then import the result");

    // 600 MiB of nothing, deflated into under 3 MiB, as a page's content.
    const std::string bomb = makePdf(kReport, "Bomb", "Nobody", deflatedZeros(600u << 20), true);
    ASSERT_LT(bomb.size(), 3u << 20);
    const auto refused = extractPdfArticle(bomb, "bomb.pdf");
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().message,
              "bomb.pdf: its compressed contents would grow past 512 MiB; a PDF like that is "
              "refused (a \"zip bomb\")");

    const auto damaged = extractPdfArticle("%PDF-1.4\nnothing of a PDF follows", "damaged.pdf");
    ASSERT_FALSE(damaged);
    EXPECT_EQ(damaged.error().message, "damaged.pdf is not a PDF that can be read");
}

}  // namespace

// A zip bomb in a .qdpx: a few kilobytes that unpack to far more than any exchange file holds. The bytes
// are counted as they come (a zip may state any size), and the reading stops at the limit.
TEST(QdpxImport, AFileThatUnpacksPastTheLimitIsRefusedBeforeItFillsMemory) {
    TempDir dir;
    const std::filesystem::path archive = dir / "bomb.qdpx";
    int error = 0;
    zip_t* zip = zip_open(archive.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
    ASSERT_NE(zip, nullptr);
    const std::string zeros(8 << 20, '\0');  // 8 MB, packed to about 8 KB
    ASSERT_GE(zip_file_add(zip, "project.qde", zip_source_buffer(zip, zeros.data(), zeros.size(), 0), 0), 0);
    ASSERT_EQ(zip_close(zip), 0);
    ASSERT_LT(std::filesystem::file_size(archive), 64u << 10);

    const auto read = readQdpx(archive, QdpxLimits{1 << 20, 2 << 20});
    ASSERT_FALSE(read);
    EXPECT_EQ(read.error().message, archive.string() +
                                        ": project.qde unpacks to more than 1 MB, more than an "
                                        "exchange file holds (a zip bomb?)");
}

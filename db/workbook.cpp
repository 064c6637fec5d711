#include "workbook.h"

#include "claim_format.h"
#include "conflict_format.h"
#include "guarded.h"
#include "xlsx_sheet.h"
#include "zip_archive.h"

#include <fmt/format.h>

#include <array>

namespace claimtrack {

using db::orRefuse;
using db::refuse;

namespace {

constexpr std::array<std::string_view, 5> kSheets{"Claims", "Conflicts", "Metrics", "Sources", "Articles"};

constexpr std::string_view kXmlDeclaration = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
                                             "\n";
constexpr std::string_view kSpreadsheetMl = "application/vnd.openxmlformats-officedocument.spreadsheetml";
constexpr std::string_view kRelationships =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

// The package's parts (ECMA-376 part 2): what each one is.
std::string contentTypes() {
    std::string types =
        fmt::format(R"({}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">)"
                    R"(<Default Extension="rels" )"
                    R"(ContentType="application/vnd.openxmlformats-package.relationships+xml"/>)"
                    R"(<Default Extension="xml" ContentType="application/xml"/>)"
                    R"(<Override PartName="/xl/workbook.xml" ContentType="{}.sheet.main+xml"/>)"
                    R"(<Override PartName="/xl/styles.xml" ContentType="{}.styles+xml"/>)",
                    kXmlDeclaration, kSpreadsheetMl, kSpreadsheetMl);
    for (std::size_t i = 1; i <= kSheets.size(); ++i)
        types +=
            fmt::format(R"(<Override PartName="/xl/worksheets/sheet{}.xml" ContentType="{}.worksheet+xml"/>)",
                        i, kSpreadsheetMl);
    return types + "</Types>";
}

// How the package finds its workbook, and the workbook its sheets (rId1 to rId5, in kSheets' order) and
// its styles.
std::string packageRelations() {
    return fmt::format(
        R"({}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
        R"(<Relationship Id="rId1" Type="{}/officeDocument" Target="xl/workbook.xml"/></Relationships>)",
        kXmlDeclaration, kRelationships);
}
std::string workbookRelations() {
    std::string relations = fmt::format(
        R"({}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)",
        kXmlDeclaration);
    for (std::size_t i = 1; i <= kSheets.size(); ++i)
        relations +=
            fmt::format(R"(<Relationship Id="rId{}" Type="{}/worksheet" Target="worksheets/sheet{}.xml"/>)",
                        i, kRelationships, i);
    return relations +
           fmt::format(R"(<Relationship Id="rId{}" Type="{}/styles" Target="styles.xml"/>)",
                       kSheets.size() + 1, kRelationships) +
           "</Relationships>";
}

// xl/workbook.xml: the sheets, and the cells each one's filter covers, which Excel keeps as a hidden name.
std::string workbookXml(const std::vector<std::string>& filtered) {
    std::string sheets, names;
    for (std::size_t i = 0; i < kSheets.size(); ++i) {
        sheets += fmt::format(R"(<sheet name="{}" sheetId="{}" r:id="rId{}"/>)", kSheets[i], i + 1, i + 1);
        if (!filtered[i].empty())
            names += fmt::format(R"(<definedName name="_xlnm._FilterDatabase" localSheetId="{}" hidden="1">)"
                                 R"({}!{}</definedName>)",
                                 i, kSheets[i], filtered[i]);
    }
    return fmt::format(
        R"({}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" )"
        R"(xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">)"
        R"(<bookViews><workbookView activeTab="0"/></bookViews><sheets>{}</sheets>{}</workbook>)",
        kXmlDeclaration, sheets, names.empty() ? "" : "<definedNames>" + names + "</definedNames>");
}

// Writes the sheets into `pipe` in kSheets' order, then the workbook that lists them; returns how many
// texts were cut to fit a cell.
std::size_t writeSheets(Project& project, db::EntryPipe& pipe) {
    const auto handOn = [&](std::string&& text) { pipe.write(std::move(text)); };
    std::vector<std::string> filtered;  // each sheet's "$A$1:$AA$1001"
    std::size_t truncated = 0;
    const auto sheet = [&](auto&& writeRows) {
        xlsx::SheetWriter writer(handOn, filtered.empty());
        writeRows(writer);
        writer.finish();
        pipe.endEntry();
        truncated += writer.truncated();
        filtered.push_back(writer.filterRange(true));
    };

    sheet([&](xlsx::SheetWriter& claims) {
        writeClaimHeader(claims);
        orRefuse(project.forEachClaim({}, [&](const ClaimRecord& claim) {
            if (claims.full())
                refuse(ErrorCode::InvalidInput,
                       fmt::format("the project has more claims than a sheet holds ({} rows): export it as "
                                   "CSV instead",
                                   xlsx::SheetWriter::kMaxRows - 1));
            writeClaimRow(claims, claim);
        }));
    });
    const ConflictReport report = orRefuse(project.conflicts());
    sheet([&](xlsx::SheetWriter& conflicts) {
        writeConflictHeader(conflicts);
        for (const ConflictRow& conflict : report.conflicts)
            writeConflictRow(conflicts, conflict);
    });
    sheet([&](xlsx::SheetWriter& metrics) {
        writeMetricHeader(metrics);
        for (const MetricSummary& metric : report.metrics)
            writeMetricRow(metrics, metric);
    });
    const std::vector<Entity> sourceList = orRefuse(project.entities(EntityKind::Source));
    sheet([&](xlsx::SheetWriter& sources) {
        writeSourceHeader(sources);
        for (const Entity& source : sourceList)
            writeSourceRow(sources, source);
    });
    const std::vector<Article> articleList = orRefuse(project.articles());
    sheet([&](xlsx::SheetWriter& articles) {
        writeArticleHeader(articles);
        for (const Article& article : articleList)
            writeArticleRow(articles, article);
    });
    handOn(workbookXml(filtered));
    pipe.endEntry();
    return truncated;
}

}  // namespace

Result<std::size_t> exportWorkbook(Project& project, const std::filesystem::path& path) {
    const std::string types = contentTypes(), relations = packageRelations(),
                      sheetRelations = workbookRelations();
    std::size_t cut = 0;
    auto written = db::writeArchive(path, [&](db::ZipArchive& archive) {
        archive.addBytes("[Content_Types].xml", types);
        archive.addBytes("_rels/.rels", relations);
        archive.addBytes("xl/_rels/workbook.xml.rels", sheetRelations);
        archive.addBytes("xl/styles.xml", xlsx::kStylesXml);
        db::EntryPipe pipe;
        for (std::size_t i = 1; i <= kSheets.size(); ++i)
            archive.addPiped(fmt::format("xl/worksheets/sheet{}.xml", i), pipe);
        archive.addPiped("xl/workbook.xml", pipe);
        // A million claims are a gigabyte of XML, which zlib deflates meanwhile instead of after.
        db::packWhileWriting(archive, pipe, path, [&] { cut = writeSheets(project, pipe); });
    });
    if (!written)
        return written.error();
    return cut;
}

}  // namespace claimtrack

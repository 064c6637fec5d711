// extract: the figures of a text, one JSON object a line.
#include "claim_format.h"
#include "command.h"
#include "figures.h"
#include "files.h"
#include "project.h"

#include <nlohmann/json.hpp>

#include <iterator>
#include <sstream>

namespace claimtrack::cli {

namespace {

class ExtractCommand : public Command {
public:
    std::string file = "-";

    int run(Streams streams) override {
        std::string bytes;
        if (file == "-") {
            bytes.assign(std::istreambuf_iterator<char>(streams.in), std::istreambuf_iterator<char>());
        } else {
            auto read = readArticleFile(file);
            if (!read)
                return report(streams.err, read.error());
            bytes = std::move(*read);
        }
        // Offsets are code points into the input exactly as given, so no normalisation here.
        if (auto valid = validateUtf8(bytes, file == "-" ? "standard input" : file); !valid)
            return report(streams.err, valid.error());
        // One object for every line, its fields set in place, and the output written in blocks: an object
        // built afresh for each figure, and a stream write per line, cost more than the finder on a list of
        // numbers.
        nlohmann::ordered_json line;
        std::string out;
        // A sentence's figures at a time: memory does not grow with the figures of a long input.
        forEachSentenceFigures(bytes, [&](const std::vector<Figure>& figures) {
            for (const Figure& figure : figures) {
                line["start"] = figure.range.start;
                line["end"] = figure.range.end;
                line["text"] = figure.text;
                line["value"] = jsonNumber(figure.value);
                line["low"] = jsonNumber(figure.low);
                line["high"] = jsonNumber(figure.high);
                line["approximate"] = figure.approximate;
                line["unit"] = jsonText(figure.unit);
                line["kind"] = toString(figure.kind);
                line["subject"] = jsonText(figure.subject);
                line["source"] = jsonText(figure.source);
                line["time"] = jsonText(figure.time);
                line["role"] = jsonText(figure.role);
                line["sentence_start"] = figure.sentence.start;
                line["sentence_end"] = figure.sentence.end;
                line["via"] = jsonText(figure.via);  // added after the others, so their order stays
                line["base"] = jsonText(figure.base.of);
                line["sample_size"] = figure.base.sampleSize ? nlohmann::ordered_json(*figure.base.sampleSize)
                                                             : nlohmann::ordered_json();
                line["fieldwork"] = jsonText(figure.base.fieldwork);
                out += line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
                out += '\n';
                if (out.size() >= 1 << 16) {
                    streams.out << out;
                    out.clear();
                }
            }
        });
        streams.out << out;
        return kExitOk;
    }
};

class DetectCommand : public Command {
public:
    std::string project;
    std::optional<std::int64_t> articleId;
    bool acceptAll = false;

    int run(Streams streams) override {
        auto opened = Project::open(project);
        if (!opened)
            return report(streams.err, opened.error());
        auto detected = opened->detectFigures(articleId, acceptAll);
        if (!detected)
            return report(streams.err, detected.error());
        for (const DetectedFigures& d : *detected)
            streams.out << "article " << d.articleId << ": " << (acceptAll ? d.accepted : d.suggested)
                        << (acceptAll ? " claims recorded" : " figures suggested") << ", " << d.alreadyClaimed
                        << " already claimed, " << d.alreadySuggested << " suggested before\n";
        return kExitOk;
    }
};

}  // namespace

void addFigureCommands(CLI::App& app, std::vector<std::unique_ptr<Command>>& commands, Command*& chosen) {
    auto* extract =
        app.add_subcommand("extract", "Print the figures of a UTF-8 text, one JSON object a line");
    auto& e = attach<ExtractCommand>(extract, commands, chosen);
    extract->footer(
        "Example:\n  echo \"Officials counted more than 200 million cameras.\" | claimtrack-cli extract");
    extract->add_option("FILE", e.file, "The text file, or - for standard input (the default)");

    auto* detect =
        app.add_subcommand("detect", "Find the figures of articles and store them as suggested claims");
    auto& d = attach<DetectCommand>(detect, commands, chosen);
    detect->footer("Example:\n  claimtrack-cli detect research.claims --article 3");
    detect->add_option("PROJECT", d.project, "Project file")->required();
    detect->add_option("--article", d.articleId, "Only this article (default: all)")->check(wholeNumber(1));
    detect->add_flag("--accept-all", d.acceptAll, "Record every figure found as a claim at once");
}

}  // namespace claimtrack::cli

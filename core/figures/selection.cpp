// The figure at a reader's selection, and the sentence around a claim's words: what the claim editor and
// the metric proposals ask of the figure finder.
#include "figures.h"
#include "lexer.h"

#include <algorithm>

namespace claimtrack {

FigureContext figureContext(std::string_view text, std::size_t begin, std::size_t end) {
    for (const figures::Span span : figures::splitSentences(text)) {
        if (begin < span.begin || begin >= span.end)
            continue;
        const std::string_view sentence = text.substr(span.begin, span.end - span.begin);
        const std::int64_t start = codePointCount(sentence.substr(0, begin - span.begin));
        const std::int64_t stop =
            codePointCount(sentence.substr(0, std::min<std::size_t>(end, span.end) - span.begin));
        FigureContext context{std::string(sentence), {}, {}};
        for (const Figure& figure : extractFigures(sentence)) {
            if (figure.kind == FigureKind::Date)
                continue;
            if (figure.range.start < stop && figure.range.end > start)
                context.subject = figure.subject;
            else
                context.others.push_back(figure.range);
        }
        return context;
    }
    return {};
}

std::optional<Figure> figureAt(const CodePointIndex& index, CodePointRange selection) {
    const std::string_view text = index.text();
    if (selection.start < 0 || selection.end > index.size() || selection.end <= selection.start)
        return std::nullopt;
    // The paragraph around the words and the one before, at most a few thousand characters either side:
    // the finder reads a sentence's source, subject and time in the sentence before when it refers back.
    constexpr std::int64_t kReach = 4000;
    std::int64_t from = selection.start, to = selection.end;
    const std::size_t begin = index.byteOffset(selection.start), end = index.byteOffset(selection.end);
    std::size_t paragraphStart = text.rfind('\n', begin == 0 ? 0 : begin - 1);
    if (paragraphStart != std::string_view::npos) {
        const std::size_t previousEnd = text.find_last_not_of('\n', paragraphStart);
        paragraphStart =
            previousEnd == std::string_view::npos ? std::string_view::npos : text.rfind('\n', previousEnd);
    }
    const std::size_t paragraphEnd = text.find('\n', end);
    from = paragraphStart == std::string_view::npos || begin == 0
               ? 0
               : codePointCount(text.substr(0, paragraphStart + 1));
    to = paragraphEnd == std::string_view::npos ? index.size() : codePointCount(text.substr(0, paragraphEnd));
    from = std::max(from, selection.start - kReach);
    to = std::min(to, selection.end + kReach);

    std::optional<Figure> best;
    std::int64_t bestOverlap = 0;
    for (Figure figure : extractFigures(index.slice({from, to}))) {
        figure.range = {figure.range.start + from, figure.range.end + from};
        figure.sentence = {figure.sentence.start + from, figure.sentence.end + from};
        const std::int64_t overlap =
            std::min(figure.range.end, selection.end) - std::max(figure.range.start, selection.start);
        if (overlap <= 0)
            continue;
        // A date counts only when the words hold nothing else ("in 2016" beside "176 million").
        const std::int64_t weight = figure.kind == FigureKind::Date ? 0 : overlap + 1;
        if (!best || weight > bestOverlap) {
            best = std::move(figure);
            bestOverlap = weight;
        }
    }
    return best;
}

bool quotesApproximateFigure(std::string_view prefix, std::string_view quote) {
    // The last few words of the prefix are enough for any qualifier ("close to", "an estimated").
    std::size_t from = prefix.size();
    for (int spaces = 0; from > 0; --from)
        if (prefix[from - 1] == ' ' && ++spaces == 4)
            break;
    std::string text(prefix.substr(from));
    const auto quoteStart = static_cast<std::int64_t>(codePointCount(text));
    text += quote;
    for (const Figure& figure : extractFigures(text))
        if (figure.kind != FigureKind::Date && figure.range.end > quoteStart && figure.approximate)
            return true;
    return false;
}

}  // namespace claimtrack

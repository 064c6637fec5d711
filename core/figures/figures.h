#pragma once
// Finding the figures in an article: every numeric claim, normalised (value,
// bounds, unit, kind), with the party it is attributed to, what it counts and
// when it holds.
//
// Written by hand, as rules over a small tokenizer: general number
// recognisers (Recognizers-Text, Duckling, quantulum3) have no C++ port in
// Debian, find every "one" and every year, and know nothing of qualifiers
// ("more than"), attribution or subjects, which are what this tool is for.

#include "model.h"
#include "text.h"

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace claimtrack {

enum class FigureKind { Count, Percent, Money, Duration, Score, Date, Measure, Ratio };

std::string_view toString(FigureKind kind);
// The kind named by toString(); none for any other text.
std::optional<FigureKind> figureKindNamed(std::string_view name);

struct Figure {
    CodePointRange range;  // the words of the figure, qualifiers and unit included
    std::string text;
    std::optional<double> value;  // as written; for a range, its upper end
    std::optional<double> low;
    std::optional<double> high;
    bool approximate = false;
    // "percent", "percentage points", "USD", "years", "points", "km", "GB", "times"; empty for counts
    std::string unit;
    FigureKind kind = FigureKind::Count;
    std::string subject;  // what it counts or measures, as written
    std::string source;   // who it is attributed to, as written
    std::string via;      // who it came through, when the sentence says ("Xinhua, citing IHS Markit")
    std::string time;     // when it holds: "2020", "2018-04", "2016/2017", "today"
    FigureBase base;      // for a percentage: what it is of, the survey's size and fieldwork, as read
    std::string role;     // in a change ("rose from 20 to 29"): "before" or "after"; else empty
    CodePointRange sentence;
};

// Every figure and time reference in `text` (valid UTF-8), in order.
std::vector<Figure> extractFigures(std::string_view text);
// The same, handed over a sentence at a time (to `found`, which may move them out), so that a long text is
// read in memory that does not grow with the figures it holds.
void forEachSentenceFigures(std::string_view text, const std::function<void(std::vector<Figure>&)>& found);

// The sentence holding text[begin, end) (byte offsets), and what the figure
// there counts, as the finder reads it: the words a metric is recognised by.
struct FigureContext {
    std::string sentence;
    std::string subject;
    std::vector<CodePointRange> others;  // the sentence's other figures, in code points into `sentence`
};
FigureContext figureContext(std::string_view text, std::size_t begin, std::size_t end);

// The figure the words at `selection` of `text` belong to (the one they overlap most, dates only
// when nothing else), read in its paragraph so that who said it and when are found as in the whole
// text; ranges in code points of `text`. None when the words hold no figure.
std::optional<Figure> figureAt(const CodePointIndex& text, CodePointRange selection);

// Whether the figure a claim quotes is hedged ("about 1.4 billion", "some
// 1.8 million", "roughly"), reading the quote with the words just before it.
bool quotesApproximateFigure(std::string_view prefix, std::string_view quote);

}  // namespace claimtrack

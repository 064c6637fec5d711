// Figures written with two numbers or with a multiplier: shares ("1/16"), ratios ("2:1", "16:9", "voted 11 to
// 2"), multipliers ("sixfold", "12-fold", "three times as many", "twice as high").
#include "draft.h"

namespace claimtrack::figures {

namespace {

// tokens[i], if there is one, is a plain integer.
bool isPlainIntegerAt(const std::vector<Token>& tokens, std::size_t i) {
    return i < tokens.size() && isPlainInteger(tokens[i]);
}

bool glued(const std::vector<Token>& tokens, std::size_t i) {
    return i < tokens.size() && !tokens[i].spaceBefore;
}

// Words that make "11 to 2" a ratio: "voted 11 to 2", "by a margin of 3 to 1", "outnumber them 2 to 1".
bool followsRatioWord(const std::vector<Token>& tokens, std::size_t i) {
    return anyWordNear(tokens, i, 5, 0,
                       {"voted", "vote", "votes", "margin", "ratio", "odds", "outnumber", "outnumbered",
                        "outnumbers", "split"});
}

// "The ratio of teachers to pupils is 1:25": a ratio named in the words around tokens[i].
bool saysRatio(const std::vector<Token>& tokens, std::size_t i) {
    return anyWordNear(tokens, i, 12, 4,
                       {"ratio", "ratios", "outnumber", "outnumbers", "outnumbered", "odds"});
}

// Words after "N times" that make it a multiplier: "three times as many", "four times faster".
bool isComparison(const Token& token) {
    if (isAnyOf(token,
                {"as", "more", "less", "fewer", "what", "that", "the", "over", "higher", "lower", "larger",
                 "smaller", "bigger", "greater", "faster", "slower", "cheaper", "longer", "shorter"}))
        return true;
    return token.text.size() > 4 && token.text.ends_with("er") &&
           token.kind == Token::Word;  // "wider", "richer"
}

Draft ratioDraft(std::size_t first, std::size_t last, double value, std::string unit, FigureKind kind) {
    Draft draft;
    draft.first = first;
    draft.last = last;
    draft.value = value;
    draft.unit = std::move(unit);
    draft.kind = kind;
    return draft;
}

}  // namespace

std::optional<Draft> readRatio(const std::vector<Token>& tokens, std::size_t i) {
    if (!isPlainIntegerAt(tokens, i) || (i > 0 && !tokens[i].spaceBefore))
        return std::nullopt;  // the middle of "4/5/2020" or "10:30:45"
    const double n = tokens[i].number;
    // "1/16 of an inch", "odds of 1/1000": a share; never "4/5/2020" or "24/7", nor after a word that dates
    // it.
    if (isSymbol(tokens, i + 1, "/") && glued(tokens, i + 1) && isPlainIntegerAt(tokens, i + 2) &&
        glued(tokens, i + 2) && !isSymbol(tokens, i + 3, "/") && n >= 1 && tokens[i + 2].number > n &&
        !(i > 0 &&
          isAnyOf(tokens[i - 1], {"on", "since", "until", "by", "from", "dated", "before", "after"})))
        return ratioDraft(i, i + 2, n / tokens[i + 2].number * 100, "percent", FigureKind::Percent);
    // "2:1", "16:9"; "1:25" only where the words around speak of a ratio, for "1:25" is also a time of day.
    if (isSymbol(tokens, i + 1, ":") && glued(tokens, i + 1) && isPlainIntegerAt(tokens, i + 2) &&
        glued(tokens, i + 2) && !isSymbol(tokens, i + 3, ":")) {
        const Token& m = tokens[i + 2];
        if (m.number > 0 && (m.digits == 1 || saysRatio(tokens, i)))
            return ratioDraft(i, i + 2, n / m.number, "ratio", FigureKind::Ratio);
    }
    // "voted 11 to 2", "by a margin of 3 to 1"
    if (isWordAt(tokens, i + 1, "to") && isPlainIntegerAt(tokens, i + 2) && tokens[i + 2].number > 0 &&
        tokens[i + 2].number < n && followsRatioWord(tokens, i))
        return ratioDraft(i, i + 2, n / tokens[i + 2].number, "ratio", FigureKind::Ratio);
    return std::nullopt;
}

std::optional<Draft> readMultiplier(const std::vector<Token>& tokens, std::size_t i,
                                    const std::optional<ParsedNumber>& number) {
    const Token& token = tokens[i];
    // "sixfold", "six-fold", "tenfold"
    if (token.kind == Token::Word && token.text.size() > 4 &&
        (token.text.ends_with("fold") || token.text.ends_with("Fold"))) {
        std::string_view count = token.text.substr(0, token.text.size() - 4);
        if (count.ends_with('-'))
            count.remove_suffix(1);
        if (const auto times = countInWord(token, count); times && *times > 1)
            return ratioDraft(i, i, *times, "times", FigureKind::Ratio);
        return std::nullopt;
    }
    // "twice as high", "nearly twice what was planned"; not "scored twice"
    if (token.kind == Token::Word && (token.text[0] | 0x20) == 't' && isAnyOf(token, {"twice", "thrice"}) &&
        i + 1 < tokens.size() && isComparison(tokens[i + 1]))
        return ratioDraft(i, i, is(token, "twice") ? 2 : 3, "times", FigureKind::Ratio);
    if (!number || number->fraction || number->vague)
        return std::nullopt;
    const std::size_t j = number->last + 1;
    // "12-fold"
    if (isDash(tokens, j) && glued(tokens, j) && isWordAt(tokens, j + 1, "fold") && glued(tokens, j + 1))
        return ratioDraft(i, j + 1, number->value, "times", FigureKind::Ratio);
    // "three times as many", "10 times larger"
    if (isWordAt(tokens, j, "times") && j + 1 < tokens.size() && isComparison(tokens[j + 1]))
        return ratioDraft(i, j, number->value, "times", FigureKind::Ratio);
    return std::nullopt;
}

}  // namespace claimtrack::figures

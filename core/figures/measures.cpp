// Units of measure news writes with a number, glued to the digits ("256GB", "5kW", "50mph", "24pc", "118.5p")
// or as words after them ("12 kilometres", "20 degrees Celsius", "120 km/h").
#include "draft.h"

#include <array>

namespace claimtrack::figures {

namespace {

struct Spelling {
    std::string_view written;
    std::string_view unit;
    FigureKind kind = FigureKind::Measure;
};

// Symbols as written, case and all: "MB" is megabytes, "mb" nothing we read.
constexpr std::array kSymbols{
    Spelling{"GB", "GB"},     Spelling{"TB", "TB"},     Spelling{"MB", "MB"},     Spelling{"KB", "KB"},
    Spelling{"kB", "KB"},     Spelling{"PB", "PB"},     Spelling{"Gb", "Gb"},     Spelling{"Mb", "Mb"},
    Spelling{"Mbps", "Mbps"}, Spelling{"Gbps", "Gbps"}, Spelling{"kbps", "kbps"}, Spelling{"W", "W"},
    Spelling{"kW", "kW"},     Spelling{"MW", "MW"},     Spelling{"GW", "GW"},     Spelling{"kWh", "kWh"},
    Spelling{"MWh", "MWh"},   Spelling{"GWh", "GWh"},   Spelling{"TWh", "TWh"},   Spelling{"mph", "mph"},
    Spelling{"mpg", "mpg"},   Spelling{"km", "km"},     Spelling{"kg", "kg"},     Spelling{"mm", "mm"},
    Spelling{"cm", "cm"},     Spelling{"lb", "lb"},     Spelling{"lbs", "lb"},    Spelling{"oz", "oz"},
    Spelling{"ft", "ft"},     Spelling{"mi", "mi"},     Spelling{"ml", "ml"},     Spelling{"GHz", "GHz"},
    Spelling{"MHz", "MHz"},   Spelling{"kHz", "kHz"},   Spelling{"Hz", "Hz"},     Spelling{"MP", "MP"},
    Spelling{"kts", "kts"},   Spelling{"hp", "hp"},     Spelling{"bhp", "hp"},    Spelling{"ha", "ha"},
};

// Symbols read only when glued to the digits: spaced, "5 in 10", "3 t" and "a C" are other words.
constexpr std::array kGluedSymbols{
    Spelling{"g", "g"},
    Spelling{"t", "t"},
    Spelling{"in", "in"},
    Spelling{"l", "l"},
    Spelling{"L", "l"},
    Spelling{"C", "C"},
    Spelling{"F", "F"},
    Spelling{"kt", "kts"},
    Spelling{"min", "minutes", FigureKind::Duration},
    Spelling{"mins", "minutes", FigureKind::Duration},
    Spelling{"hrs", "hours", FigureKind::Duration},
    Spelling{"pc", "percent", FigureKind::Percent},
    Spelling{"p", "GBX", FigureKind::Money},  // pence, as share prices are quoted
};

// Words, compared without case.
constexpr std::array kWords{
    Spelling{"kilometres", "km"},  Spelling{"kilometers", "km"},
    Spelling{"kilometre", "km"},   Spelling{"kilometer", "km"},
    Spelling{"metres", "m"},       Spelling{"meters", "m"},
    Spelling{"metre", "m"},        Spelling{"meter", "m"},
    Spelling{"miles", "mi"},       Spelling{"mile", "mi"},
    Spelling{"pounds", "lb"},  // a weight only where the currency reader left them (currency.cpp)
    Spelling{"pound", "lb"},       Spelling{"kilograms", "kg"},
    Spelling{"kilogram", "kg"},    Spelling{"kilos", "kg"},
    Spelling{"grams", "g"},        Spelling{"tonnes", "t"},
    Spelling{"tonne", "t"},        Spelling{"tons", "t"},
    Spelling{"millimetres", "mm"}, Spelling{"millimeters", "mm"},
    Spelling{"centimetres", "cm"}, Spelling{"centimeters", "cm"},
    Spelling{"inches", "in"},      Spelling{"feet", "ft"},
    Spelling{"litres", "l"},       Spelling{"liters", "l"},
    Spelling{"horsepower", "hp"},  Spelling{"kilowatts", "kW"},
    Spelling{"megawatts", "MW"},   Spelling{"gigawatts", "GW"},
    Spelling{"terabytes", "TB"},   Spelling{"gigabytes", "GB"},
    Spelling{"megabytes", "MB"},   Spelling{"petabytes", "PB"},
    Spelling{"megapixels", "MP"},  Spelling{"knots", "kts"},
    Spelling{"hectares", "ha"},    Spelling{"pence", "GBX", FigureKind::Money},
};

template <typename Table>
const Spelling* find(const Table& table, std::string_view written) {
    for (const Spelling& s : table)
        if (s.written == written)
            return &s;
    return nullptr;
}

// Words after "5m" that say metres: "5m tall", "10m away".
bool isDimensionWord(const Token& token) {
    return isAnyOf(token, {"tall", "high", "long", "deep", "wide", "away", "above", "below", "thick",
                           "across", "race", "sprint", "freestyle", "hurdles"});
}

}  // namespace

bool isPerHour(const std::vector<Token>& tokens, std::size_t slash) {
    return isSymbol(tokens, slash, "/") && slash + 1 < tokens.size() && tokens[slash + 1].text == "h";
}

std::optional<MeasureUnit> unitSuffix(std::string_view suffix) {
    if (const Spelling* s = find(kSymbols, suffix))
        return MeasureUnit{s->unit, s->kind};
    if (const Spelling* s = find(kGluedSymbols, suffix))
        return MeasureUnit{s->unit, s->kind};
    return std::nullopt;
}

std::optional<MeasureUnit> unitAfter(const std::vector<Token>& tokens, std::size_t j, std::size_t& last) {
    if (j >= tokens.size())
        return std::nullopt;
    last = j;
    const Token& token = tokens[j];
    // "20 degrees Celsius", "20 degrees C", "20°C"
    const bool degrees = isAnyOf(token, {"degrees", "degree"}) || token.text == "\xC2\xB0";
    if (degrees) {
        if (isWordAt(tokens, j + 1, "celsius") || isWordAt(tokens, j + 1, "centigrade") ||
            (j + 1 < tokens.size() && tokens[j + 1].text == "C")) {
            last = j + 1;
            return MeasureUnit{"C", FigureKind::Measure};
        }
        if (isWordAt(tokens, j + 1, "fahrenheit") || (j + 1 < tokens.size() && tokens[j + 1].text == "F")) {
            last = j + 1;
            return MeasureUnit{"F", FigureKind::Measure};
        }
        return token.kind == Token::Word ? std::optional(MeasureUnit{"degrees", FigureKind::Measure})
                                         : std::nullopt;
    }
    if (token.kind != Token::Word)
        return std::nullopt;
    if (const Spelling* s = find(kSymbols, token.text)) {
        if (s->unit == "km" && isPerHour(tokens, j + 1)) {  // "120 km/h"
            last = j + 2;
            return MeasureUnit{"km/h", FigureKind::Measure};
        }
        return MeasureUnit{s->unit, s->kind};
    }
    for (const Spelling& s : kWords)
        if (is(token, s.written))
            return MeasureUnit{s.unit, s.kind};
    return std::nullopt;
}

bool readsAsMetres(const std::vector<Token>& tokens, std::size_t i) {
    if (tokens[i].suffix != "m")
        return false;
    std::size_t length = 0;
    if (currencyBefore(tokens, i, length))
        return false;  // "$5m", "€2m"
    // "300-350m tall": the first end of a range is read as the last.
    const std::size_t next = i + 1;
    if (next < tokens.size() && isDimensionWord(tokens[next]))
        return true;
    // "a 100m sprint", "the 50m pool"; but "12m people", "2.7m viewers", "sales of 300m"
    const bool article = i > 0 && isAnyOf(tokens[i - 1], {"a", "an", "the"});
    return article && next < tokens.size() && tokens[next].kind == Token::Word &&
           !startsUpper(tokens[next]) && tokens[next].text.back() != 's';
}
}  // namespace claimtrack::figures

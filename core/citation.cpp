#include "citation.h"

#include <fmt/format.h>

#include <cctype>
#include <charconv>
#include <map>

namespace claimtrack {

namespace {

// "2018-03-12", "2018-03" or "2018" as CSL date parts: [[2018, 3, 12]].
nlohmann::ordered_json dateParts(std::string_view date) {
    nlohmann::ordered_json parts = nlohmann::ordered_json::array();
    for (std::size_t at = 0; at < date.size();) {
        const std::size_t end = std::min(date.find('-', at), date.size());
        int value = 0;
        std::from_chars(date.data() + at, date.data() + end, value);
        parts.push_back(value);
        at = end + 1;
    }
    return {{"date-parts", nlohmann::ordered_json::array({parts})}};
}

// Text as a BibTeX value between braces, its LaTeX specials escaped so that it prints as written.
std::string bibtexText(std::string_view text) {
    std::string escaped;
    for (const char c : text) {
        switch (c) {
        case '\\':
            escaped += "\\textbackslash{}";
            break;
        case '{':
        case '}':
        case '&':
        case '%':
        case '$':
        case '#':
        case '_':
            escaped += '\\';
            escaped += c;
            break;
        case '^':
            escaped += "\\textasciicircum{}";
            break;
        case '~':
            escaped += "\\textasciitilde{}";
            break;
        case '\n':
        case '\r':
        case '\t':
            escaped += ' ';
            break;
        default:
            escaped += c;
        }
    }
    return escaped;
}

// The surname of the author ("Kostka" of "Genia Kostka" or of "Kostka, Genia"), else the publisher's last
// word ("ledger" of "The Harbour Ledger"), in lower-case ASCII letters and digits; then the year.
std::string keyStem(const Article& article) {
    std::string_view who = !article.meta.author.empty() ? article.meta.author : article.meta.publisher;
    who = who.substr(0, who.find(','));
    std::string word;
    for (const char c : who) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x80 && std::isalnum(u))
            word += static_cast<char>(std::tolower(u));
        else if (c == ' ' && u < 0x80)
            word.clear();  // the last word is the one kept
    }
    return (word.empty() ? std::string("article") : word) + article.meta.published.substr(0, 4);
}

}  // namespace

nlohmann::ordered_json cslItem(const Article& article) {
    const ArticleMeta& m = article.meta;
    nlohmann::ordered_json item{
        {"id", fmt::format("article-{}", article.id)}, {"type", "article-newspaper"}, {"title", m.title}};
    if (!m.author.empty())
        item["author"] = nlohmann::ordered_json::array({{{"literal", m.author}}});
    if (!m.publisher.empty())
        item["container-title"] = m.publisher;
    if (!m.published.empty())
        item["issued"] = dateParts(m.published);
    if (!m.url.empty())
        item["URL"] = m.url;
    if (article.importedAt.size() >= 10)
        item["accessed"] = dateParts(std::string_view(article.importedAt).substr(0, 10));
    return item;
}

std::string bibtexEntries(const std::vector<Article>& articles) {
    std::map<std::string, int> stems;  // how many keys each stem has given
    std::string out;
    for (const Article& article : articles) {
        const ArticleMeta& m = article.meta;
        const std::string stem = keyStem(article);
        const int taken = stems[stem]++;
        const std::string key = taken == 0 ? stem
                                           : stem + static_cast<char>('a' + (taken - 1) % 26) +
                                                 (taken > 26 ? std::to_string((taken - 1) / 26) : "");
        out += fmt::format("@article{{{},\n  title = {{{}}}", key, bibtexText(m.title));
        if (!m.author.empty())
            out += fmt::format(",\n  author = {{{{{}}}}}", bibtexText(m.author));  // as written, not split
        if (!m.publisher.empty())
            out += fmt::format(",\n  journal = {{{}}}", bibtexText(m.publisher));
        if (!m.published.empty()) {
            out += fmt::format(",\n  year = {{{}}}", m.published.substr(0, 4));
            if (m.published.size() >= 7)
                out += fmt::format(",\n  month = {{{}}}", std::stoi(m.published.substr(5, 2)));
            out += fmt::format(",\n  date = {{{}}}", m.published);
        }
        if (!m.url.empty()) {
            std::string url = m.url;  // verbatim in BibTeX, but its braces must balance: encoded
            for (std::size_t at = 0; (at = url.find_first_of("{}", at)) != std::string::npos;)
                url.replace(at, 1, url[at] == '{' ? "%7B" : "%7D");
            out += fmt::format(",\n  url = {{{}}}", url);
        }
        if (article.importedAt.size() >= 10)
            out += fmt::format(",\n  urldate = {{{}}}", article.importedAt.substr(0, 10));
        out += "\n}\n\n";
    }
    return out;
}

}  // namespace claimtrack

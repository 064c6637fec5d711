// What a percentage is of: its base, and for a survey the sample size and fieldwork. Read from the words
// around the figure with a handful of patterns, as the rest of the finder reads sources and subjects: no
// library parses English noun phrases to this (what a share is "of") without a model and its data.
#include "context.h"
#include "draft.h"

#include <algorithm>

namespace claimtrack::figures {

namespace {

// Words that say a figure comes from asking people.
bool isSurveyWord(const Token& token) {
    return isAnyOf(token, {"survey", "surveys", "surveyed", "poll", "polls", "polled", "respondents",
                           "interviewed", "interviews", "questionnaire", "fieldwork", "sample", "asked"});
}

}  // namespace

BaseReader::BaseReader(std::string_view text, const std::vector<Token>& tokens,
                       const std::vector<Draft>& drafts, const FigureBase& previous)
    : m_text(text), m_tokens(tokens), m_drafts(drafts), m_previous(previous) {}

// The whole count whose first token is tokens[i], past "the", "all": "of 2,209 respondents". Drafts come in
// text order, so it is found by bisection, not by a walk through a line's thousands of figures.
const Draft* BaseReader::countAt(std::size_t i) const {
    while (i < m_tokens.size() && isAnyOf(m_tokens[i], {"the", "all", "some"}))
        ++i;
    const auto found = std::lower_bound(m_drafts.begin(), m_drafts.end(), i,
                                        [](const Draft& d, std::size_t first) { return d.first < first; });
    if (found == m_drafts.end() || found->first != i || found->kind != FigureKind::Count || !found->value ||
        *found->value < 1 || *found->value != static_cast<double>(static_cast<std::int64_t>(*found->value)))
        return nullptr;
    return &*found;
}

bool BaseReader::survey() {
    if (!m_survey)
        m_survey = std::any_of(m_tokens.begin(), m_tokens.end(), isSurveyWord);
    return *m_survey;
}

// The people a survey asked, anywhere in the sentence: "a poll of 1,000 adults", "surveyed 2,000 people",
// "among 1,500 respondents", "1,200 respondents".
const Draft* BaseReader::sample() {
    if (m_sample)
        return *m_sample;
    m_sample = nullptr;
    for (const Draft& draft : m_drafts) {
        if (draft.kind != FigureKind::Count || draft.first == 0)
            continue;
        const Token& before = m_tokens[draft.first - 1];
        const bool ofSurvey =
            is(before, "of") && draft.first >= 2 &&
            isAnyOf(m_tokens[draft.first - 2], {"survey", "poll", "sample", "study", "questionnaire"});
        const bool asked = isAnyOf(before, {"surveyed", "polled", "interviewed", "asked", "among"});
        if ((ofSurvey || asked || isWordAt(m_tokens, draft.last + 1, "respondents")) &&
            countAt(draft.first)) {
            m_sample = &draft;
            break;
        }
    }
    return *m_sample;
}

FigureBase BaseReader::baseOf(std::size_t at, std::string_view subject, std::string_view time) {
    const Draft& figure = m_drafts[at];
    FigureBase base;
    if (figure.kind != FigureKind::Percent)
        return base;
    // "80 percent of 2,209 respondents": the count after "of" is the sample, what it counts the base.
    const Draft* asked = isWordAt(m_tokens, figure.last + 1, "of") ? countAt(figure.last + 2) : nullptr;
    if (!asked && !subject.empty()) {
        base.of = subject;  // "45% of internet users"
    } else if (!asked) {
        // "Among the companies rated, 23 percent …": the group named just before it.
        for (std::size_t i = figure.first; i-- > 0 && i + 8 > figure.first;) {
            if (!is(m_tokens[i], "among"))
                continue;
            std::size_t from = i + 1;
            while (from < m_tokens.size() && isAnyOf(m_tokens[from], {"the", "all", "those"}))
                ++from;
            if (!countAt(from))
                base.of = subjectAt(m_text, m_tokens, from);
            break;
        }
    }
    const bool surveyed = asked || survey();
    if (!asked && surveyed)
        asked = sample();
    if (asked) {
        base.sampleSize = static_cast<std::int64_t>(*asked->value);
        if (base.of.empty())
            base.of = subjectAt(m_text, m_tokens, asked->last + 1);
    }
    // A survey's figures hold when it asked: "surveyed in 2018", "a poll conducted in March 2019".
    if (surveyed && !time.empty() && time != "today")
        base.fieldwork = time;
    // "… asked 1,000 adults in 2019. It found 62 percent …": the survey of the sentence before.
    if (base.of.empty() && !m_previous.empty() && (surveyed || continuesPrevious(m_tokens)))
        base = m_previous;
    return base;
}

FigureBase BaseReader::surveyDescribed(std::string_view time) {
    FigureBase base;
    if (!survey() || !sample())
        return base;
    base.sampleSize = static_cast<std::int64_t>(*sample()->value);
    base.of = subjectAt(m_text, m_tokens, sample()->last + 1);
    if (time != "today")
        base.fieldwork = time;
    return base;
}

}  // namespace claimtrack::figures

#pragma once
// The cross-check in words: "626 million is 39% above 450 million".

#include "conflicts.h"

#include <string>

namespace claimtrack {

// A number on a scale as a reader says it: "626 million", "1.4 billion",
// "2,209", "11%", "USD 2.5 billion", "5 years", "850 points".
std::string sayNumber(double value, const Scale& scale);

// A count as a reader says it: "626 million" for a round count of millions (to two decimals), otherwise
// every digit ("2,209"), so that no figure is misread.
std::string sayCount(double value);

// A group's figure: "626 million", "about 1.4 billion", "at least 200 million", "10% to 11%".
std::string sayFigure(const RepeatGroup& group, const Scale& scale);

// "39%", "4.5%", "3.6 times": how far apart two figures are.
std::string sayGap(double gap);

// Why the two figures conflict, with the gap between them:
// "626 million is 39% above 450 million".
std::string explainConflict(const CrossCheck& check, const Conflict& conflict);

// Why two figures that would conflict were not compared (a pair of CrossCheck::unlikeBases):
// "62% of adults online and 80% of respondents are not compared: they are of different bases".
std::string explainUnlikeBases(const CrossCheck& check, const Conflict& pair);

}  // namespace claimtrack

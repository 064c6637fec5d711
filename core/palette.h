#pragma once
// The colour of the n-th source of a metric, in the app's compare chart and table and in the report's
// charts alike: Tableau 10 without its red, which marks conflicts.

#include <array>
#include <cstddef>

namespace claimtrack {

inline const char* sourceColourHex(std::size_t index) {
    static constexpr std::array<const char*, 9> kPalette{
        "#4e79a7", "#f28e2b", "#59a14f", "#b07aa1", "#76b7b2", "#edc948", "#9c755f", "#ff9da7", "#2f4b7c"};
    return kPalette[index % kPalette.size()];
}

inline constexpr const char* kConflictColourHex = "#e15759";  // Tableau 10's red

}  // namespace claimtrack

#pragma once
// How a claim looks in the app: its status colour and its one-line summary.

#include "model.h"

#include <QColor>
#include <QString>

namespace claimtrack::gui {

// A translucent highlight colour, readable over light and dark palettes alike.
QColor statusColor(ClaimStatus status);
QString statusName(ClaimStatus status);
// "626,000,000 cameras" / "≥ 200,000,000": the figure as a person reads it.
QString figureText(const ClaimFields& fields);
// The claim's source, or "no source".
QString sourceName(const ClaimFields& fields);
// Figure, metric, source and status, one per line, for tooltips.
QString claimSummary(const ClaimFields& fields);

}  // namespace claimtrack::gui

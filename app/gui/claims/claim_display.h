#pragma once
// How a claim looks in the app: its status colour and its one-line summary.

#include "model.h"

#include <QColor>
#include <QString>

namespace claimtrack::gui {

// A translucent highlight colour, readable over light and dark palettes alike.
QColor statusColor(ClaimStatus status);

// What the reader's highlights are coloured by (View ▸ Colour Highlights By).
enum class HighlightColouring { Status, Source, Metric, Tag };
// The claim's category under a colouring: its status's name, its source, its metric or its first tag
// (empty when it has none).
QString highlightCategory(const ClaimFields& fields, HighlightColouring by);
// A translucent highlight colour for a source, metric or tag: the same name has the same colour in every
// article and every session; no name has a colour of the statuses' (yellow, green, orange, red) or of
// search hits (magenta).
QColor categoryColour(const QString& name);
QString statusName(ClaimStatus status);
// "626,000,000 cameras" / "≥ 200,000,000": the figure as a person reads it.
QString figureText(const ClaimFields& fields);
// "IHS Markit via state media", or "no source".
QString sourceName(const ClaimFields& fields);
// Figure, metric, source and status, one per line, for tooltips.
QString claimSummary(const ClaimFields& fields);

}  // namespace claimtrack::gui

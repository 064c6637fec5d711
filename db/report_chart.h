#pragma once
// The compare chart of one metric as an SVG drawing, for the report and `claimtrack-cli chart`: the app's
// compare chart drawn without Qt's GUI, which the command line must not link. Written by hand: no library
// in Debian draws a chart to SVG from C++ without a GUI toolkit, and the drawing is a few dozen shapes.
//
// Every figure on a timeline (a band per year, and one for the undated): a point for an exact value, a bar
// for a range, a dashed line to an arrow for a figure open at one end; one colour per source (palette.h);
// a red dashed line joins each open conflicting pair, a grey dotted one each settled pair, with a green ring
// on the figure the verdict supports. Each shape's <title> names its claim.

#include "project.h"

#include <string>

namespace claimtrack {

// The drawing, `width` by `height` user units, as an <svg> element (no XML declaration, so that it can be
// put into HTML as it is or written to a file after one).
std::string compareChartSvg(const MetricComparison& comparison, int width = 720, int height = 360);

}  // namespace claimtrack

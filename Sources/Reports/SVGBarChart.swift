/// A horizontal bar chart as inline SVG: each label above its bar, the value after it. Suppressed
/// values get no bar, only a hatched stub and the marker. Drawn in a 400-unit-wide box that scales.
struct SVGBarChart {
    let chart: BarChart

    static let width = 340.0
    static let rowHeight = 34.0
    static let barHeight = 13.0
    /// Room for the value after the longest bar.
    static let valueRoom = 72.0

    func render() -> String {
        let id = chart.id
        let height = Double(chart.bars.count) * Self.rowHeight + 6
        // Bars grow from zero to the right; a value at or below zero has no bar, only its number.
        let maximum = chart.bars.compactMap(\.value).max() ?? 0
        let scale = maximum > 0 ? (Self.width - Self.valueRoom) / maximum : 0
        var out = [
            "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 \(HTMLText.coordinate(Self.width)) "
                + "\(HTMLText.coordinate(height))\" aria-labelledby=\"\(id)-title \(id)-desc\" class=\"chart bars\">",
            "<title id=\"\(id)-title\">\(HTMLText.escape(chart.title))</title>",
            "<desc id=\"\(id)-desc\">\(HTMLText.escape(chart.description))</desc>",
            SVGPatterns.hatch(id: "\(id)-hatch"),
        ]
        for (index, bar) in chart.bars.enumerated() {
            let top = Double(index) * Self.rowHeight
            let labelY = HTMLText.coordinate(top + 13)
            let barY = top + 18
            out.append(
                "<text x=\"0\" y=\"\(labelY)\" font-size=\"12.5\" fill=\"\(ChartPalette.ink)\">"
                    + "\(HTMLText.escape(SVGText.clip(bar.label, to: 52)))</text>")
            let length: Double
            if let value = bar.value {
                length = value > 0 ? max(1, value * scale) : 0
                out.append(rect(0, barY, length, Self.barHeight, fill: ChartPalette.bar))
            } else {
                length = 22
                out.append(
                    rect(0, barY, length, Self.barHeight, fill: "url(#\(id)-hatch)", stroke: ChartPalette.hatchLine))
            }
            out.append(
                "<text x=\"\(HTMLText.coordinate(length + 5))\" y=\"\(HTMLText.coordinate(barY + 10.5))\" "
                    + "font-size=\"12\" fill=\"\(ChartPalette.ink)\" class=\"value\">\(HTMLText.escape(bar.display))</text>"
            )
        }
        out.append("</svg>")
        return out.joined(separator: "\n")
    }

    private func rect(
        _ x: Double, _ y: Double, _ width: Double, _ height: Double, fill: String, stroke: String? = nil
    ) -> String {
        "<rect x=\"\(HTMLText.coordinate(x))\" y=\"\(HTMLText.coordinate(y))\" width=\"\(HTMLText.coordinate(width))\" "
            + "height=\"\(HTMLText.coordinate(height))\" fill=\"\(fill)\""
            + (stroke.map { " stroke=\"\($0)\"" } ?? "") + "/>"
    }
}

/// Shared SVG definitions.
enum SVGPatterns {
    /// Diagonal hatching for suppressed values: drawn, never filled with a colour of the scale.
    static func hatch(id: String) -> String {
        "<defs><pattern id=\"\(id)\" patternUnits=\"userSpaceOnUse\" width=\"6\" height=\"6\" "
            + "patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"\(ChartPalette.paper)\"/>"
            + "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"\(ChartPalette.hatchLine)\" stroke-width=\"2.5\"/>"
            + "</pattern></defs>"
    }
}

enum SVGText {
    /// At most `limit` characters, the rest replaced by an ellipsis (the full text is in the description).
    static func clip(_ text: String, to limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }

    /// Words wrapped into lines of at most `width` characters, at most `lines` lines.
    static func wrap(_ text: String, width: Int, lines: Int) -> [String] {
        var out: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if line.isEmpty {
                line = String(word)
            } else if line.count + 1 + word.count <= width {
                line += " " + word
            } else {
                out.append(line)
                line = String(word)
            }
        }
        if !line.isEmpty { out.append(line) }
        guard out.count > lines else { return out.map { clip($0, to: width + 2) } }
        let kept = Array(out.prefix(lines))
        return kept.dropLast().map { clip($0, to: width + 2) } + [clip((kept.last ?? "") + " …", to: width + 2)]
    }
}

/// The colours of the charts. Text drawn on a colour is the darker or the lighter ink, whichever
/// contrasts more (tests hold every pair to WCAG's 4.5:1).
package enum ChartPalette {
    package static let ink = "#1b1f24"
    package static let paper = "#ffffff"
    package static let muted = "#4a5561"
    package static let bar = "#1f5fa8"
    package static let hatchLine = "#8d99a6"
    package static let grid = "#c9d1da"
    /// Sequential classes of the heat map, fewer to more (after ColorBrewer "Blues").
    package static let classes = ["#eef4fb", "#c6dbef", "#8ebfe0", "#2f72b3", "#0b4a8b"]

    /// The ink for text on `background`.
    package static func text(on background: String) -> String {
        Contrast.best(on: background, from: [ink, paper])
    }

    /// The class of `value` on a scale up to `maximum`: 0 for the smallest fifth, 4 for the largest.
    package static func heatClass(_ value: Int, maximum: Int) -> Int {
        guard maximum > 0, value > 0 else { return 0 }
        let fifth = (value * classes.count + maximum - 1) / maximum
        return min(classes.count - 1, max(0, fifth - 1))
    }
}

import TemplateEngine

/// Geometry of the skills-resilience bar chart, computed in Swift so the template only places
/// numbers. Bars run from most at risk (lowest resilience) to most resilient; each bar carries
/// its skill name and value as SVG text, so the figures are readable without the graphics.
enum SkillChart {
    static let width = 700
    static let rowHeight = 30
    static let barX = 340
    static let trackWidth = 300
    static let barHeight = 16

    static func value(_ skills: [(name: String, resilience: Int)], number: (Int) -> String) -> TemplateValue {
        let sorted = skills.enumerated().sorted { a, b in
            (a.element.resilience, a.offset) < (b.element.resilience, b.offset)
        }
        let bars: [TemplateValue] = sorted.enumerated().map { row, item in
            let y = row * rowHeight
            let resilience = max(0, min(100, item.element.resilience))
            return .object([
                "name": .string(item.element.name),
                "resilience": .string(number(resilience)),
                "level": .string(level(resilience)),
                "textY": .int(y + 19),
                "barX": .int(barX),
                "barY": .int(y + 6),
                "barHeight": .int(barHeight),
                "trackWidth": .int(trackWidth),
                "barWidth": .int(trackWidth * resilience / 100),
                "valueX": .int(barX + trackWidth + 12),
            ])
        }
        return .object([
            "width": .int(width),
            "height": .int(max(1, bars.count) * rowHeight),
            "bars": .array(bars),
        ])
    }

    /// low < 40 ≤ medium < 70 ≤ high: the colour band of a resilience score.
    static func level(_ resilience: Int) -> String {
        resilience < 40 ? "low" : resilience < 70 ? "medium" : "high"
    }
}

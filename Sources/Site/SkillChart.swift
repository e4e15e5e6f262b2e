import TemplateEngine

/// The skills-resilience bar chart's data. The chart is an HTML list (one item per skill: its
/// name, its value as text, and a bar whose width is the value) so that its labels keep the
/// body size on a phone and assistive technology reads it as a list of skill and value.
/// Bars run from most at risk (lowest resilience) to most resilient.
enum SkillChart {
    struct Skill {
        var name: String
        var resilience: Int
        /// The `lang` of the name when it fell back to the default locale, else `.null`.
        var lang: TemplateValue
    }

    static func value(_ skills: [Skill], number: (Int) -> String) -> TemplateValue {
        let sorted = skills.enumerated().sorted { a, b in
            (a.element.resilience, a.offset) < (b.element.resilience, b.offset)
        }
        let bars: [TemplateValue] = sorted.map { item in
            let resilience = max(0, min(100, item.element.resilience))
            var bar = TemplateObject(minimumCapacity: 5)
            bar[.name] = .string(item.element.name)
            bar[.lang] = item.element.lang
            bar[.resilience] = .string(number(resilience))
            bar[.percent] = .int(resilience)
            bar[.level] = .string(level(resilience))
            return .object(bar)
        }
        return .object(["bars": .array(bars)])
    }

    /// low < 40 ≤ medium < 70 ≤ high: the colour band of a resilience score.
    static func level(_ resilience: Int) -> String {
        resilience < 40 ? "low" : resilience < 70 ? "medium" : "high"
    }
}

/// The locales rolegen ships, one table each.
///
/// To add a locale, copy a table, fill it in from CLDR (plural rule:
/// https://www.unicode.org/cldr/charts/latest/supplemental/language_plural_rules.html; number,
/// date and list patterns: the locale's page under
/// https://www.unicode.org/cldr/charts/latest/by_type/), add it to `builtInLocales`, and add a
/// test per formatting function to LocalizationTests. docs/localization.md has an example.
extension LocaleRules {
    /// Every built-in locale. `builtIn(_:)` searches this list.
    static let builtInLocales: [LocaleRules] = [.english, .french]

    static let english = LocaleRules(
        identifier: "en",
        pluralRule: { n in n == 1 ? .one : .other },
        groupSeparator: ",",
        percentPattern: "{value}%",
        yearRangePattern: "{from}–{to}",
        longDatePattern: "{month} {day}, {year}",
        monthNames: ["January", "February", "March", "April", "May", "June", "July",
                     "August", "September", "October", "November", "December"],
        dayNumberOverrides: [:],
        listPatterns: ListPatterns(pair: " and ", middle: ", ", end: ", and "),
        typographyStyle: .none
    )

    static let french = LocaleRules(
        identifier: "fr",
        pluralRule: { n in
            if n <= 1 { return .one }
            return n % 1_000_000 == 0 ? .many : .other
        },
        groupSeparator: "\u{202F}",
        percentPattern: "{value}\u{00A0}%",
        yearRangePattern: "{from}\u{00A0}à\u{00A0}{to}",
        longDatePattern: "{day} {month} {year}",
        monthNames: ["janvier", "février", "mars", "avril", "mai", "juin", "juillet",
                     "août", "septembre", "octobre", "novembre", "décembre"],
        dayNumberOverrides: [1: "1er"],
        listPatterns: ListPatterns(pair: " et ", middle: ", ", end: " et "),
        typographyStyle: .french
    )

    /// A table from literals. The patterns are `Message` sources; they are written here by us,
    /// so one that does not parse is a bug caught by the first test that touches the locale.
    convenience init(
        identifier: String,
        pluralRule: @escaping @Sendable (UInt) -> PluralCategory,
        groupSeparator: String,
        percentPattern: String,
        yearRangePattern: String,
        longDatePattern: String,
        monthNames: [String],
        dayNumberOverrides: [Int: String],
        listPatterns: ListPatterns,
        typographyStyle: TypographyStyle
    ) {
        precondition(monthNames.count == 12, "\(identifier): 12 month names expected")
        self.init(
            identifier: identifier, pluralRule: pluralRule, groupSeparator: Array(groupSeparator.utf8),
            percentPattern: Self.builtInPattern(percentPattern), yearRangePattern: Self.builtInPattern(yearRangePattern),
            longDatePattern: Self.builtInPattern(longDatePattern), monthNames: monthNames, dayNumberOverrides: dayNumberOverrides,
            listPatterns: listPatterns, typographyStyle: typographyStyle)
    }

    private static func builtInPattern(_ source: String) -> Message {
        do {
            return try Message(parsing: source)
        } catch {
            preconditionFailure("built-in pattern \"\(source)\": \(error.message)")
        }
    }
}

/// A piece of a parsed `Message`. A message is a list of parts; formatting appends each part's
/// text in order, so it never looks at the source again.
indirect enum MessagePart: Sendable, Equatable {
    /// Literal text, quotes already resolved.
    case text(String)
    /// `{name}`: the argument's text, or its number formatted for the locale.
    case argument(String)
    /// `{name, plural, …}`.
    case plural(PluralChoice)
    /// `#` inside a plural branch: the innermost plural's number, formatted for the locale.
    case pluralNumber
}

/// The branches of `{name, plural, =0 {…} one {…} other {…}}`, ready for lookup. ICU's order of
/// choice: an exact `=N` match first, then the number's category, then `other`.
struct PluralChoice: Sendable, Equatable {
    var argument: String
    var exact: [Int: [MessagePart]]
    var categories: [PluralCategory: [MessagePart]]
    var other: [MessagePart]

    func branch(for n: Int, rules: LocaleRules) -> [MessagePart] {
        exact[n] ?? categories[rules.pluralCategory(n)] ?? other
    }
}

/// The CLDR plural categories. A language uses some of them to choose between forms of a word
/// ("1 role" / "2 roles"); which number falls in which category is the language's plural rule
/// (`LocaleRules.pluralCategory`). The raw values are the keywords ICU messages use as branch
/// selectors (`{count, plural, one {…} other {…}}`).
public enum PluralCategory: String, Sendable, CaseIterable, HashedByCase {
    case zero, one, two, few, many, other
}

/// One localized value that a locale does not provide, so the default locale's value is shown.
///
/// Builds print a summary of these (translators see what is left to translate) and `--strict`
/// turns each into an error.
public struct Fallback: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The role's slug; nil for catalogs (tools, sectors) and UI strings.
    public var role: String?
    /// The locale that lacks the value.
    public var locale: String
    /// Which value: `title`, `tasks.crud-endpoints`, `analysis`, `toolReasons.cursor`,
    /// `tools.github-copilot.description`, `sectors.technology.name`, `strings.report.button`.
    public var field: String

    public init(role: String?, locale: String, field: String) {
        self.role = role
        self.locale = locale
        self.field = field
    }

    /// `fr: backend-developer: title`, or `fr: strings.report.button` without a role.
    public var description: String {
        if let role { return "\(locale): \(role): \(field)" }
        return "\(locale): \(field)"
    }

    /// Catalog and UI-string fallbacks first, then by role, locale and field.
    public static func < (a: Fallback, b: Fallback) -> Bool {
        switch (a.role, b.role) {
        case (nil, .some): return true
        case (.some, nil): return false
        case let (.some(x), .some(y)) where x != y: return x < y
        default: return (a.locale, a.field) < (b.locale, b.field)
        }
    }
}

/// One localized value that a locale does not provide, so the default locale's value is shown.
///
/// Builds print a summary of these (translators see what is left to translate) and `--strict`
/// turns each into an error at the file where the translation belongs.
public struct Fallback: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The role, the locale and the file, shared by every fallback and translation unit of one
    /// file: a large site has hundreds of thousands of them, held for the whole build.
    var origin: TranslationOrigin
    /// Which value: `title`, `tasks.crud-endpoints`, `analysis`, `toolReasons.cursor`,
    /// `tools.github-copilot.description`, `sectors.technology.name`, `strings.report.button`.
    public var field: String
    /// The key of `place`.
    private var key: String?

    /// The role's slug; nil for catalogs (tools, sectors) and UI strings.
    public var role: String? {
        get { origin.role }
        set { origin = TranslationOrigin(role: newValue, locale: origin.locale, file: origin.file) }
    }

    /// The locale that lacks the value.
    public var locale: String {
        get { origin.locale }
        set { origin = TranslationOrigin(role: origin.role, locale: newValue, file: origin.file) }
    }

    /// Where the translation belongs: the file (relative to the site root) and the key in it.
    public var place: TranslationPlace {
        get { TranslationPlace(file: origin.file, key: key) }
        set {
            origin = TranslationOrigin(role: origin.role, locale: origin.locale, file: newValue.file)
            key = newValue.key
        }
    }

    public init(role: String?, locale: String, field: String, place: TranslationPlace) {
        self.init(origin: TranslationOrigin(role: role, locale: locale, file: place.file), field: field, key: place.key)
    }

    init(origin: TranslationOrigin, field: String, key: String?) {
        self.origin = origin
        self.field = field
        self.key = key
    }

    public static func == (a: Fallback, b: Fallback) -> Bool {
        a.field == b.field && a.key == b.key && a.origin == b.origin
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(origin)
        hasher.combine(field)
        hasher.combine(key)
    }

    /// `fr: backend-developer: title`, or `fr: strings.report.button` without a role.
    public var description: String {
        if let role { return "\(locale): \(role): \(field)" }
        return "\(locale): \(field)"
    }

    /// Catalog and UI-string fallbacks first, then by role, locale and field.
    public static func < (a: Fallback, b: Fallback) -> Bool {
        precedes(role: a.role, locale: a.locale, field: a.field, role: b.role, locale: b.locale, field: b.field)
    }

    /// The order of `<`, on the parts it reads, for `TranslationUnit` (which sorts tens of
    /// thousands of units per build and need not build a `Fallback` per comparison).
    static func precedes(role a: String?, locale aLocale: String, field aField: String, role b: String?, locale bLocale: String, field bField: String) -> Bool {
        switch (a, b) {
        case (nil, .some): return true
        case (.some, nil): return false
        case let (.some(x), .some(y)) where x != y: return x < y
        default: return (aLocale, aField) < (bLocale, bField)
        }
    }
}

/// Where a translation is written: a file relative to the site root and, for JSON files, the
/// dotted key of the value inside it.
public struct TranslationPlace: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// `content/roles/backend-developer/fr.json`, `content/roles/backend-developer/analysis.fr.md`,
    /// `locales/fr.json`, `content/tools.json`.
    public var file: String
    /// `title`, `tasks.crud-endpoints`, `report.button`, `tools.cursor.description.fr`; nil when
    /// the whole file is the value (Markdown).
    public var key: String?

    public init(file: String, key: String?) {
        self.file = file
        self.key = key
    }

    /// `file#key`, or `file` alone: the key translators see and the translation record uses.
    public var description: String {
        key.map { "\(file)#\($0)" } ?? file
    }

    public static func < (a: TranslationPlace, b: TranslationPlace) -> Bool {
        a.description < b.description
    }
}

/// The role, locale and file that the fallbacks and translation units of one file share: one
/// object per file instead of three strings per value.
final class TranslationOrigin: Sendable, Hashable {
    let role: String?
    let locale: String
    let file: String

    init(role: String?, locale: String, file: String) {
        self.role = role
        self.locale = locale
        self.file = file
    }

    static func == (a: TranslationOrigin, b: TranslationOrigin) -> Bool {
        a === b || (a.role == b.role && a.locale == b.locale && a.file == b.file)
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(role)
        hasher.combine(locale)
        hasher.combine(file)
    }
}

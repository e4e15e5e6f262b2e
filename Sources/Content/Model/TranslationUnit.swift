/// One translatable value in a locale other than the default: where its translation belongs,
/// whether the locale provides it, and the default locale's text it translates.
///
/// The loader decides these once, in `Role.resolvedText(in:defaultLocale:)` for role text and
/// beside the catalogs and string tables for the rest; fallbacks, the translation status and
/// outdated-translation checks are all read from them, never re-derived.
public struct TranslationUnit: Sendable, Hashable, Comparable {
    /// Stored as the fallback it would be (the role, locale and file shared with the other
    /// units of its file), plus what only a unit has.
    private var value: Fallback
    /// Whether the locale has its own text for the value (false: the default locale's is shown).
    public var isTranslated: Bool
    /// The default locale's text, as one string (list items on lines of their own): what
    /// translators translate, and what a translation record fingerprints.
    public var source: String

    /// The role's slug; nil for catalogs and UI strings.
    public var role: String? {
        get { value.role }
        set { value.role = newValue }
    }

    public var locale: String {
        get { value.locale }
        set { value.locale = newValue }
    }

    /// As `Fallback.field`: `title`, `tasks.crud-endpoints`, `analysis`, `strings.report.button`.
    public var field: String {
        get { value.field }
        set { value.field = newValue }
    }

    public var place: TranslationPlace {
        get { value.place }
        set { value.place = newValue }
    }

    public init(role: String?, locale: String, field: String, place: TranslationPlace, isTranslated: Bool, source: String) {
        self.init(value: Fallback(role: role, locale: locale, field: field, place: place), isTranslated: isTranslated, source: source)
    }

    /// A unit of a file whose other units share `origin`.
    init(origin: TranslationOrigin, field: String, key: String?, isTranslated: Bool, source: String) {
        self.init(value: Fallback(origin: origin, field: field, key: key), isTranslated: isTranslated, source: source)
    }

    private init(value: Fallback, isTranslated: Bool, source: String) {
        self.value = value
        self.isTranslated = isTranslated
        self.source = source
    }

    /// The fallback this unit is when the locale does not translate it.
    public var fallback: Fallback? {
        isTranslated ? nil : value
    }

    /// UI strings and catalogs first, then by role, locale and field: the order of `Fallback`.
    public static func < (a: TranslationUnit, b: TranslationUnit) -> Bool {
        Fallback.precedes(role: a.role, locale: a.locale, field: a.field, role: b.role, locale: b.locale, field: b.field)
    }
}

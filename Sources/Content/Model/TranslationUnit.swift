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
    /// (`RoleOrdered` relies on it.)
    public static func < (a: TranslationUnit, b: TranslationUnit) -> Bool {
        // Units of one file share their origin: only their fields differ. (Each role's units
        // are sorted as they are read, and reading the role and locale through the origin
        // cost more than comparing the fields.)
        if a.value.origin === b.value.origin { return a.field < b.field }
        return Fallback.precedes(role: a.role, locale: a.locale, field: a.field, role: b.role, locale: b.locale, field: b.field)
    }
}

/// A value of a list sorted with UI strings and catalogs (no role) first, then by role: the
/// order of `TranslationUnit` and `Fallback`, in which each role's values stand together.
public protocol RoleOrdered {
    var role: String? { get }
}

extension TranslationUnit: RoleOrdered {}
extension Fallback: RoleOrdered {}

extension Array where Element: RoleOrdered {
    /// Puts `units` (sorted, all of role `slug`) in place of the role's values.
    public mutating func replaceUnits(of slug: String, with units: [Element]) {
        replaceSubrange(range(of: slug), with: units)
    }

    /// The values of role `slug`.
    public func units(of slug: String) -> ArraySlice<Element> {
        self[range(of: slug)]
    }

    private func range(of slug: String) -> Range<Int> {
        let start = partitioningIndex { ($0.role).map { $0 >= slug } ?? false }
        let end = self[start...].firstIndex { $0.role != slug } ?? endIndex
        return start..<end
    }

    /// The first index whose element satisfies `isAfter`, which is false then true along the array.
    private func partitioningIndex(where isAfter: (Element) -> Bool) -> Int {
        var low = startIndex
        var high = endIndex
        while low < high {
            let middle = (low + high) / 2
            if isAfter(self[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}

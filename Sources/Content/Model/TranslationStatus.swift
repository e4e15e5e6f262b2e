/// Where each locale's translation stands: every translatable value, translated, outdated or
/// falling back. Read by `rolegen translations`, by the build summary and by `--strict`.
public struct TranslationStatus: Sendable {
    /// The state of one value in one locale.
    public enum State: String, Sendable, CaseIterable {
        /// The locale has its own text, made from the current default text (or the locale's
        /// translations are not tracked: it has no `translations/<locale>.json`).
        case translated
        /// The locale has its own text, but the default text changed since it was reviewed, or
        /// it was never marked as reviewed in a locale that is tracked.
        case outdated
        /// The locale has no text: the default locale's is shown.
        case fallback
    }

    /// One value and its state.
    public struct Item: Sendable, Equatable {
        public var unit: TranslationUnit
        public var state: State
        /// For an outdated value: whether a record exists (the default text changed since) or
        /// not (the translation was never marked as reviewed).
        public var hasRecord: Bool
    }

    /// Sorted like `TranslationUnit`: UI strings and catalogs first, then by role.
    public var items: [Item]
    /// The locales with a `translations/<locale>.json`, whose translations are checked for
    /// being outdated.
    public var trackedLocales: Set<String>

    public init(site: SiteContent) {
        trackedLocales = Set(site.translationRecords.keys)
        items = site.translations.map { unit in
            let (state, hasRecord) = Self.state(of: unit, records: site.translationRecords)
            return Item(unit: unit, state: state, hasRecord: hasRecord)
        }
    }

    /// The one rule for a unit's state, against the records of every tracked locale.
    static func state(of unit: TranslationUnit, records: [String: TranslationRecords]) -> (state: State, hasRecord: Bool) {
        guard unit.isTranslated else { return (.fallback, false) }
        guard let records = records[unit.locale] else { return (.translated, false) }
        guard let recorded = records.fingerprints[unit.place.description] else { return (.outdated, false) }
        return (recorded == TranslationRecords.fingerprint(unit.source) ? .translated : .outdated, true)
    }

    public var outdated: [Item] { items.filter { $0.state == .outdated } }
}

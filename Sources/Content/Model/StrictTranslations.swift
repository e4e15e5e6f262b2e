import Diagnostics
import Foundation

/// Which locales must be translated completely and currently: `--strict` (every locale) or
/// `--strict fr,de` (those). In them, every fallback and every outdated translation is an error
/// at the place its translation belongs.
public enum StrictTranslations: Sendable, Equatable {
    case off
    case allLocales
    case locales([String])

    /// Whether fallbacks and outdated translations in `locale` are errors.
    public func applies(to locale: String) -> Bool {
        switch self {
        case .off: false
        case .allLocales: true
        case .locales(let locales): locales.contains(locale)
        }
    }

    /// `--strict`'s errors for `site`, positioned at the places translations belong (the files
    /// are read again for positions only when there is something to report). A named locale
    /// that the site does not translate is an error too.
    public func diagnostics(for site: SiteContent, root: URL) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        if case .locales(let named) = self {
            let others = site.config.locales.filter { $0 != site.config.defaultLocale }
            for locale in named where !others.contains(locale) {
                let error = ContentError.strictLocaleNotTranslated(locale, defaultLocale: site.config.defaultLocale, suggestion: closestMatch(to: locale, among: others))
                diagnostics.append(error.diagnostic(at: nil))
            }
        }
        guard self != .off else { return diagnostics }
        // Fallbacks from their own list (a build that loaded roles without their texts keeps no
        // unit of a fallback, `ContentLoader.load(keepingTexts:)`), outdated values from the status.
        let fallbacks = site.fallbacks.filter { applies(to: $0.locale) }
        let outdated = TranslationStatus(site: site).outdated.filter { applies(to: $0.unit.locale) }
        guard !fallbacks.isEmpty || !outdated.isEmpty else { return diagnostics }
        let locations = SiteContent.locate(fallbacks.map(\.place) + outdated.map(\.unit.place), root: root)
        func value(_ role: String?, _ field: String) -> String {
            role.map { "`\(field)` of role `\($0)`" } ?? "`\(field)`"
        }
        let defaultLocale = site.config.defaultLocale
        for fallback in fallbacks {
            let error = ContentError.strictFallback(value: value(fallback.role, fallback.field), locale: fallback.locale, defaultLocale: defaultLocale)
            let place = locations[fallback.place]
            diagnostics.append(error.diagnostic(at: place?.location, sourceLine: place?.sourceLine))
        }
        for item in outdated {
            let unit = item.unit
            let error: ContentError = item.hasRecord
                ? .strictOutdated(value: value(unit.role, unit.field), locale: unit.locale, defaultLocale: defaultLocale)
                : .strictUnreviewed(value: value(unit.role, unit.field), locale: unit.locale)
            let place = locations[unit.place]
            diagnostics.append(error.diagnostic(at: place?.location, sourceLine: place?.sourceLine))
        }
        return diagnostics
    }
}

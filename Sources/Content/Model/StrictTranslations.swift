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
        let status = TranslationStatus(site: site)
        let offending = status.items.filter { $0.state != .translated && applies(to: $0.unit.locale) }
        guard !offending.isEmpty else { return diagnostics }
        let locations = SiteContent.locate(offending.map(\.unit.place), root: root)
        for item in offending {
            let unit = item.unit
            let value = unit.role.map { "`\(unit.field)` of role `\($0)`" } ?? "`\(unit.field)`"
            let error: ContentError = switch item.state {
            case .fallback: .strictFallback(value: value, locale: unit.locale, defaultLocale: site.config.defaultLocale)
            case _ where item.hasRecord: .strictOutdated(value: value, locale: unit.locale, defaultLocale: site.config.defaultLocale)
            default: .strictUnreviewed(value: value, locale: unit.locale)
            }
            let place = locations[unit.place]
            diagnostics.append(error.diagnostic(at: place?.location, sourceLine: place?.sourceLine))
        }
        return diagnostics
    }
}

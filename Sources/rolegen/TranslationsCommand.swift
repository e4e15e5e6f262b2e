import ArgumentParser
import Content
import Foundation
import Reporting

extension Rolegen {
    /// `rolegen translations`: where each locale's translation stands, and marking translations
    /// as reviewed.
    struct Translations: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show what is translated, outdated or falling back, per locale, and mark translations as reviewed.",
            discussion: """
                A translation is outdated when the default locale's text changed after it was \
                reviewed. What each translation was made from is recorded in \
                translations/<locale>.json by `rolegen translations mark <locale>`; commit that \
                file. See docs/localization.md.
                """,
            subcommands: [Status.self, Mark.self],
            defaultSubcommand: Status.self
        )
    }
}

extension Rolegen.Translations {
    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print, per locale, translated / outdated / fallback counts for the UI strings, the catalogs and each role.")

        @Option(name: .long, help: ArgumentHelp("The site root (holds site.json).", valueName: "dir"))
        var root: String = "."

        @Option(name: .customLong("locale"), help: ArgumentHelp("Only this locale (repeatable).", valueName: "locale"))
        var locales: [String] = []

        @Flag(name: .long, help: "Also list each value that is not translated: where its translation goes and the default text.")
        var list = false

        @Option(name: .long, help: ArgumentHelp("text (default) or json (every value of every locale, for tools).", valueName: "format"))
        var format: StatusFormat = .text

        func run() throws {
            let site = try loadSiteContent(root: root)
            let others = site.config.locales.filter { $0 != site.config.defaultLocale }
            try checkLocales(locales, against: others, defaultLocale: site.config.defaultLocale)
            let shown = locales.isEmpty ? others : others.filter(locales.contains)
            var status = TranslationStatus(site: site)
            status.items = status.items.filter { shown.contains($0.unit.locale) }
            let wanted = format == .json || list ? status.items.filter { format == .json || $0.state != .translated } : []
            let locations = SiteContent.locate(wanted.map(\.unit.place), root: rootURL(root))
            switch format {
            case .text:
                print(status.table(locales: shown, defaultLocale: site.config.defaultLocale, listing: list, locations: locations), terminator: "")
            case .json:
                print(status.json(locales: shown, defaultLocale: site.config.defaultLocale, locations: locations), terminator: "")
            }
        }
    }

    struct Mark: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record that translations were reviewed against the current default text (writes translations/<locale>.json).",
            discussion: """
                Without --role or --field, every translated value of the locale is marked. Records \
                of values that are no longer translated are dropped. The first `mark` of a locale \
                starts tracking it: from then on a translation that was never marked counts as \
                outdated.
                """)

        @Option(name: .long, help: ArgumentHelp("The site root (holds site.json).", valueName: "dir"))
        var root: String = "."

        @Argument(help: ArgumentHelp("The locale whose translations were reviewed.", valueName: "locale"))
        var locale: String

        @Option(name: .customLong("role"), help: ArgumentHelp("Only this role's values (repeatable); `strings` and `catalogs` name the others.", valueName: "slug"))
        var roles: [String] = []

        @Option(name: .customLong("field"), help: ArgumentHelp("Only this field, as the status names it: title, tasks.crud-endpoints, strings.hero.title (repeatable).", valueName: "field"))
        var fields: [String] = []

        func run() throws {
            let site = try loadSiteContent(root: root)
            let others = site.config.locales.filter { $0 != site.config.defaultLocale }
            try checkLocales([locale], against: others, defaultLocale: site.config.defaultLocale)
            var records = site.translationRecords[locale] ?? TranslationRecords(locale: locale, fingerprints: [:])
            let before = records
            records.markReviewed(site.translations) { unit in
                let group = unit.role ?? (unit.field.hasPrefix("strings.") ? "strings" : "catalogs")
                return (roles.isEmpty || roles.contains(group)) && (fields.isEmpty || fields.contains(unit.field))
            }
            let file = rootURL(root).appendingPathComponent(TranslationRecords.file(for: locale))
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(records.json().utf8).write(to: file, options: .atomic)
            let changed = records.fingerprints.filter { before.fingerprints[$0.key] != $0.value }.count
            let dropped = before.fingerprints.keys.filter { records.fingerprints[$0] == nil }.count
            print("\(TranslationRecords.file(for: locale)): \(changed) marked as reviewed, \(dropped) dropped, \(records.fingerprints.count) recorded")
        }
    }

    enum StatusFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }
}

private func rootURL(_ root: String) -> URL {
    URL(fileURLWithPath: root, isDirectory: true).standardizedFileURL
}

/// The site's content, or its diagnostics on stderr (in `build`'s text form) and exit status 1.
/// Shared by the commands that read a site without building it (translations, new, schemas).
func loadSiteContent(root: String) throws -> SiteContent {
    let result = ContentLoader.load(root: rootURL(root))
    let terminal = Terminal(environment: ProcessInfo.processInfo.environment)
    let printer = ReportPrinter(
        format: .text, quiet: false, verbose: false, annotationPathPrefix: nil,
        colourStandardOutput: terminal.colours(Terminal.standardOutput), colourStandardError: terminal.colours(Terminal.standardError))
    for diagnostic in result.diagnostics { printer.print(diagnostic) }
    guard let site = result.site else { throw ExitCode.failure }
    return site
}

/// A usage error (exit 64) for a locale the site does not translate into.
private func checkLocales(_ locales: [String], against others: [String], defaultLocale: String) throws {
    for locale in locales where !others.contains(locale) {
        let known = others.map { "`\($0)`" }.joined(separator: ", ")
        throw ValidationError("`\(locale)` is not a locale the site translates into (\(known); `\(defaultLocale)` is the default)")
    }
}

import Diagnostics
import Dispatch
import Foundation
import Synchronization

/// The outcome of loading a site: the content when there is no error, and every problem found,
/// sorted by file, line and column.
public struct LoadResult: Sendable, Equatable {
    /// Nil when any diagnostic is an error.
    public var site: SiteContent?
    /// Sorted. Warnings may be present with a non-nil `site`.
    public var diagnostics: [Diagnostic]
    /// When there are errors, what loaded without one — `site.json`, the string tables, the
    /// catalogs and the roles that have no error (none when a catalog is broken) — so that a
    /// build can go on checking string tables and templates in the same run. Nil when there is
    /// no error (see `site`) or when `site.json` itself could not be read.
    public var partialSite: SiteContent?

    /// Of a whole site: what `ContentLoader.reload` needs to read some role folders again.
    var reloading: Reloading?
    /// Of a load that left the roles' texts in their files (`keepingTexts: false`): reads them
    /// again for the roles' pages. Nil when the roles hold their texts.
    public var rereader: RoleRereader?

    /// What each role folder's reading reported, the rest, and what the folders were read against.
    struct Reloading: Sendable, Equatable {
        var context: RoleContext
        var roleDiagnostics: [String: [Diagnostic]]
        var sharedDiagnostics: [Diagnostic]
        var titles: TitleIndex
    }

    public init(site: SiteContent?, diagnostics: [Diagnostic], partialSite: SiteContent? = nil) {
        self.site = site
        self.diagnostics = diagnostics
        self.partialSite = partialSite
    }
}

/// Reads and validates a site's content: `site.json`, `content/` and `locales/`.
public enum ContentLoader {
    /// Reads and validates a whole site. `site` is nil when there is any error.
    ///
    /// One pass reports every problem it can: a broken file does not stop the others from being
    /// checked. The exception is `site.json`'s locales: without them nothing else can be
    /// checked meaningfully, so the run stops there. Role folders are read in parallel; with
    /// `roleCache`, a folder whose key in `roleKeys` (a hash of its files) is the one it was
    /// last read with is not read again.
    ///
    /// - Parameter sections: the role-page sections the build can render, which `site.json`'s
    ///   `sections` may name (all of them, in this order, when it names none).
    /// - Parameter keepingTexts: false for a build that holds per role only what other pages
    ///   share: each role is read and checked as always, then keeps only its facts, its
    ///   `outline`, the Markdown `keepingMarkdown` asks for (the build's link checks read it)
    ///   and its outdated translation units (its fallbacks are in `fallbacks`); `rereader` reads
    ///   the rest again for the role's own pages. (No `roleCache` then: a cached reading holds
    ///   everything.)
    /// - Parameter keptTexts: with `keepingTexts: false`, the memory the first roles read may
    ///   hold whole (twice their files' bytes each), which are then not read again: an amount
    ///   that does not grow with the site (`KeptTextAllowance`).
    /// - Parameter observer: told of every file read (also when a role is read again).
    /// - Parameter listings: folders listed already (the build's walk of its sources), read
    ///   from there instead of listed again; a role read again lists its folder itself.
    public static func load(
        root: URL, sections: [Section] = Section.standard, roleCache: RoleReadingCache? = nil, roleKeys: [String: UInt64] = [:],
        keepingTexts: Bool = true, keepingMarkdown: @escaping @Sendable (String) -> Bool = { _ in true }, keptTexts: KeptTextAllowance = .fixed(0),
        observingReads observer: SiteFolder.ReadObserver? = nil, listings: FolderListings? = nil
    ) -> LoadResult {
        let folder = SiteFolder(root: root.standardizedFileURL.path, observingReads: observer, listings: listings)
        guard folder.isFolder("") else {
            return LoadResult(site: nil, diagnostics: [ContentError.missingSiteFolder(path: root.path).diagnostic(at: nil)])
        }
        let files = FileChecks(folder: folder)
        let (config, locales) = files.open("site.json", required: true).map { SiteConfigReader.read($0, sections: sections) } ?? (nil, nil)
        guard let locales else {
            return LoadResult(site: nil, diagnostics: files.diagnostics.sorted())
        }

        let contentNames = ["sectors.json", "tools.json", "roles"]
        let contentStray = (files.entries("content")?.map(\.name) ?? []).filter { !contentNames.contains($0) }
        files.reportStray(in: "content", names: contentStray, expected: contentNames, locales: locales)
        let sectors = files.open("content/sectors.json", required: true).flatMap { CatalogReader.readSectors($0, locales: locales) }
        let tools = files.open("content/tools.json", required: true).flatMap { CatalogReader.readTools($0, locales: locales) }
        let slugs = roleFolders(files, locales: locales)
        let context = RoleContext(
            locales: locales, sectorIDs: sectors?.ids, toolIDs: tools?.ids, roleSlugs: Set(slugs.filter(isSafeURLSegment)),
            markdownSizeLimit: config?.markdownSizeLimit ?? SiteConfig.defaultMarkdownSizeLimit
        )
        // Read before the roles: a lean load keeps only the units these do not record as current.
        let translationRecords = TranslationRecordsReader.read(files, locales: locales)
        let lean = keepingTexts
            ? nil
            : LeanReading(records: translationRecords, keepsMarkdown: keepingMarkdown, keptTexts: Self.textBudget(keptTexts, roles: slugs.count))
        let cache = lean == nil ? roleCache : nil
        cache?.begin(context)
        var readings = readRoles(slugs, folder: folder, context: context, cache: cache, keys: roleKeys, lean: lean)
        let strings = readStringTables(files, locales: locales)
        // The rereader lists what it reads again itself: the listings are the load's, freed with it.
        let rereader = lean.map { _ in RoleRereader(folder: SiteFolder(root: folder.root, observingReads: observer), context: context) }

        let diagnostics = (files.diagnostics + readings.flatMap(\.diagnostics)).sorted()
        guard let config else { return LoadResult(site: nil, diagnostics: diagnostics) }
        guard !diagnostics.hasErrors, let sectors, let tools else {
            var partial = SiteContent(
                config: config, sectors: sectors?.items ?? [], tools: tools?.items ?? [],
                roles: sectors != nil && tools != nil ? takeRoles(&readings) : [], strings: strings, translations: [], fallbacks: [],
                translationRecords: translationRecords)
            partial.rolesThatFailedToLoad = Set(slugs).subtracting(partial.roles.map(\.slug))
            var result = LoadResult(site: nil, diagnostics: diagnostics, partialSite: partial)
            result.rereader = rereader
            return result
        }
        let translations = sortedTranslations(
            catalogTranslations(sectors: sectors.items, tools: tools.items, locales: locales) + stringTranslations(strings, locales: locales),
            movingFrom: &readings)
        // Sized first: `compactMap` grows by doubling, and a large site has hundreds of thousands
        // of fallbacks, held until the build ends (up to half the array's memory was spare room).
        // (A lean reading has its role's fallbacks apart, sorted; they follow the shared ones.)
        var fallbacks: [Fallback] = []
        fallbacks.reserveCapacity(translations.count { !$0.isTranslated } + readings.reduce(0) { $0 + $1.fallbacks.count })
        for unit in translations { if let fallback = unit.fallback { fallbacks.append(fallback) } }
        // Each part is sorted (the shared ones as their units, each role's by its reading), so
        // the whole is sorted when every part starts after the end of the one before: one
        // comparison per part, not per fallback (a large site has hundreds of thousands).
        var isSorted = true
        for index in readings.indices {
            if let first = readings[index].fallbacks.first, let last = fallbacks.last, first < last { isSorted = false }
            fallbacks += readings[index].fallbacks
            readings[index].fallbacks = []
        }
        if lean != nil, !isSorted { fallbacks.sort() }
        let site = SiteContent(
            config: config, sectors: sectors.items, tools: tools.items, roles: takeRoles(&readings),
            strings: strings, translations: translations, fallbacks: fallbacks,
            translationRecords: translationRecords
        )
        let titles = TitleIndex(site)
        var result = LoadResult(site: site, diagnostics: (diagnostics + duplicateTitles(titles, root: root)).sorted())
        result.rereader = rereader
        // A lean load is not reloaded (a session keeps the texts): it holds no index for it.
        guard lean == nil else { return result }
        var roleDiagnostics: [String: [Diagnostic]] = [:]
        for (slug, reading) in zip(slugs, readings) where !reading.diagnostics.isEmpty { roleDiagnostics[slug] = reading.diagnostics }
        result.reloading = LoadResult.Reloading(
            context: context, roleDiagnostics: roleDiagnostics, sharedDiagnostics: files.diagnostics, titles: titles)
        return result
    }

    /// `loaded` (a whole site this process loaded) after an edit of files inside the folders of
    /// its roles `slugs` and nothing else: those folders are read again (through `roleCache` as
    /// `load` reads them) and put in place of the old ones, with their translation units and
    /// fallbacks, and the duplicate-title check runs again. The same result as `load` gives,
    /// for `rolegen serve`, which the watcher tells what changed. The lists are spliced in
    /// place: when `loaded` is their only holder, nothing of the rest of the site is copied.
    /// False, and `loaded` untouched, when a folder now has an error or `loaded` is not a whole
    /// site: `load` then reports every mistake.
    public static func reload(
        _ slugs: Set<String>, in loaded: inout LoadResult, root: URL, roleCache: RoleReadingCache? = nil, roleKeys: [String: UInt64] = [:]
    ) -> Bool {
        guard let context = loaded.reloading?.context, slugs.allSatisfy({ loaded.site?.role($0) != nil }) else { return false }
        let folder = SiteFolder(root: root.standardizedFileURL.path)
        roleCache?.begin(context)
        let ordered = slugs.sorted()
        let readings = readRoles(ordered, folder: folder, context: context, cache: roleCache, keys: roleKeys)
        var replacements: [(index: Int, role: Role, reading: RoleReading)] = []
        for (slug, reading) in zip(ordered, readings) {
            guard let role = reading.role, !reading.diagnostics.hasErrors,
                  let index = loaded.site?.roles.firstIndex(where: { $0.slug == slug }) else { return false }
            replacements.append((index, role, reading))
        }
        let locales = loaded.site?.config.locales ?? []
        for (index, role, reading) in replacements {
            loaded.reloading?.titles.replace(loaded.site!.roles[index], with: role, locales: locales)
            loaded.site?.roles[index] = role
            loaded.site?.translations.replaceUnits(of: role.slug, with: reading.translations)
            loaded.site?.fallbacks.replaceUnits(of: role.slug, with: reading.translations.compactMap(\.fallback))
            loaded.reloading?.roleDiagnostics[role.slug] = reading.diagnostics.isEmpty ? nil : reading.diagnostics
        }
        guard let reloading = loaded.reloading, let roles = loaded.site?.roles else { return false }
        var diagnostics = reloading.sharedDiagnostics
        for role in roles { diagnostics += reloading.roleDiagnostics[role.slug] ?? [] }
        loaded.diagnostics = (diagnostics + duplicateTitles(reloading.titles, root: root)).sorted()
        return true
    }

    /// Two roles with the same title in one locale are two pages readers cannot tell apart
    /// (often a copied folder whose text was not rewritten): a warning at the later role's
    /// title, naming the earlier one's file. A title that falls back is reported in its own
    /// locale only.
    private static func duplicateTitles(_ titles: TitleIndex, root: URL) -> [Diagnostic] {
        var duplicates: [(place: TranslationPlace, title: String, first: TranslationPlace)] = []
        for (locale, byTitle) in titles.slugs {
            func place(_ slug: String) -> TranslationPlace { TranslationPlace(file: "content/roles/\(slug)/\(locale).json", key: "title") }
            for (title, slugs) in byTitle where slugs.count > 1 {
                for slug in slugs.dropFirst() { duplicates.append((place(slug), title, place(slugs[0]))) }
            }
        }
        guard !duplicates.isEmpty else { return [] }
        let located = SiteContent.locate(duplicates.map(\.place), root: root)
        return duplicates.map { duplicate in
            let error = ContentError.duplicateTitle(title: duplicate.title, firstFile: duplicate.first.file)
            let place = located[duplicate.place]
            return error.diagnostic(at: place?.location, sourceLine: place?.sourceLine)
        }
    }

    /// The budget of a lean load of `roles` roles; nil when it may keep none.
    private static func textBudget(_ allowance: KeptTextAllowance, roles: Int) -> TextBudget? {
        let bytes = allowance.bytes(forRoles: roles)
        return bytes > 0 ? TextBudget(bytes: bytes) : nil
    }

    /// The folder names in `content/roles/`, sorted (so roles come out sorted by slug).
    private static func roleFolders(_ files: FileChecks, locales: Locales) -> [String] {
        guard let entries = files.entries("content/roles") else {
            files.report(.missingFile(path: "content/roles/", why: "one folder per role"))
            return []
        }
        let strayFiles = entries.filter { !$0.isFolder }.map(\.name)
        files.reportStray(in: "content/roles", names: strayFiles, expected: [], locales: locales)
        return entries.filter(\.isFolder).map(\.name)
    }

    /// Reads every role folder in parallel; results are kept by index so order never depends
    /// on scheduling.
    private static func readRoles(
        _ slugs: [String], folder: SiteFolder, context: RoleContext, cache: RoleReadingCache?, keys: [String: UInt64], lean: LeanReading? = nil
    ) -> [RoleReading] {
        // Every place filled in by its index, then the array taken out whole: mapped out of
        // optionals, each reading was copied (every role with all it holds retained) and the
        // originals released, on one thread at the end of the load.
        let readings = Mutex([RoleReading](repeating: RoleReading(role: nil, diagnostics: [], translations: []), count: slugs.count))
        DispatchQueue.concurrentPerform(iterations: slugs.count) { index in
            let slug = slugs[index]
            let key = cache == nil ? nil : keys[slug]
            if let key, let cached = cache?.reading(of: slug, key: key) {
                readings.withLock { $0[index] = cached }
                return
            }
            var reading = RoleReader.read(slug: slug, folder: folder, context: context, lean: lean)
            // Sorted here, in parallel; `sortedTranslations` then only joins them.
            reading.translations.sort()
            if let key { cache?.store(reading, of: slug, key: key) }
            readings.withLock { $0[index] = reading }
        }
        return readings.withLock { readings in
            var taken: [RoleReading] = []
            swap(&taken, &readings)
            return taken
        }
    }

    /// The roles of `readings` (those without an error), moved out of them.
    private static func takeRoles(_ readings: inout [RoleReading]) -> [Role] {
        var roles: [Role] = []
        roles.reserveCapacity(readings.count)
        for index in readings.indices {
            if let role = readings[index].role.take() { roles.append(role) }
        }
        return roles
    }

    /// `shared` (catalogs and UI strings) and every role's translation units, in
    /// `TranslationUnit` order, as one stable sort of them all would give. The units are moved
    /// out of `readings`, so that the list exists once, not once per step.
    ///
    /// Each role's units were sorted on the thread that read the role (`readRoles`); joined in
    /// role order they are sorted already, because roles are read in folder order, which is
    /// their order here too, and one pass checks it. When it is not (a file system that lists
    /// folders in another order), the joined list is sorted: the same stable order, since
    /// sorting each role's units first moved no unit past an equal one.
    private static func sortedTranslations(_ shared: [TranslationUnit], movingFrom readings: inout [RoleReading]) -> [TranslationUnit] {
        var joined = shared.sorted()
        joined.reserveCapacity(shared.count + readings.reduce(0) { $0 + $1.translations.count })
        for index in readings.indices {
            joined += readings[index].translations
            readings[index].translations = []
        }
        for index in joined.indices.dropFirst() where joined[index] < joined[index - 1] {
            joined.sort()
            break
        }
        return joined
    }

    /// The UI string tables of `locales/`: the default locale's is required, the others optional.
    private static func readStringTables(_ files: FileChecks, locales: Locales) -> [String: StringTable] {
        let expected = locales.all.map { "\($0).json" }
        let names = files.entries("locales")?.map(\.name) ?? []
        files.reportStray(in: "locales", names: names.filter { !expected.contains($0) }, expected: expected, locales: locales)

        var tables: [String: StringTable] = [:]
        let defaultTable = files.open("locales/\(locales.defaultLocale).json", required: true, why: "the UI strings of the default locale")
            .flatMap { StringTableReader.read($0, locale: locales.defaultLocale, defaultTable: nil) }
        tables[locales.defaultLocale] = defaultTable
        for locale in locales.others where names.contains("\(locale).json") {
            let check = files.open("locales/\(locale).json", required: false)
            tables[locale] = check.flatMap { StringTableReader.read($0, locale: locale, defaultTable: defaultTable) }
        }
        return tables
    }

    /// Sector names and tool descriptions, per locale other than the default.
    private static func catalogTranslations(sectors: [Sector], tools: [Tool], locales: Locales) -> [TranslationUnit] {
        locales.others.flatMap { locale in
            sectors.compactMap { sector in
                sector.name[locales.defaultLocale].map { source in
                    TranslationUnit(
                        role: nil, locale: locale, field: "sectors.\(sector.id).name",
                        place: TranslationPlace(file: "content/sectors.json", key: "sectors.\(sector.id).name.\(locale)"),
                        isTranslated: sector.name[locale] != nil, source: source)
                }
            } + tools.compactMap { tool in
                tool.description[locales.defaultLocale].map { source in
                    TranslationUnit(
                        role: nil, locale: locale, field: "tools.\(tool.id).description",
                        place: TranslationPlace(file: "content/tools.json", key: "tools.\(tool.id).description.\(locale)"),
                        isTranslated: tool.description[locale] != nil, source: source)
                }
            }
        }
    }

    /// Every key of the default string table, per locale other than the default (a locale
    /// without a table falls back on every key).
    private static func stringTranslations(_ tables: [String: StringTable], locales: Locales) -> [TranslationUnit] {
        guard let defaultTable = tables[locales.defaultLocale] else { return [] }
        return locales.others.flatMap { locale in
            defaultTable.entries.map { key, entry in
                TranslationUnit(
                    role: nil, locale: locale, field: "strings.\(key)",
                    place: TranslationPlace(file: "locales/\(locale).json", key: key),
                    isTranslated: tables[locale]?.entries[key] != nil, source: entry.value)
            }
        }
    }
}

/// Locale → each role's own title (not one that falls back) → the slugs of the roles that have
/// it, in role order: the duplicate-title check, which a reload updates for the roles it reads.
struct TitleIndex: Sendable, Equatable {
    private(set) var slugs: [String: [String: [String]]] = [:]

    init(_ site: SiteContent) {
        for locale in site.config.locales {
            var byTitle: [String: [String]] = [:]
            // By index: `for role in` copied each role, with every text it holds, to read a title.
            for index in site.roles.indices {
                if let outline = site.roles[index].outline[locale], !outline.isFallback("title") {
                    byTitle[outline.title, default: []].append(site.roles[index].slug)
                }
            }
            slugs[locale] = byTitle
        }
    }

    /// `old`'s titles out, `new`'s (the same role, read again) in, in role order.
    mutating func replace(_ old: Role, with new: Role, locales: [String]) {
        for locale in locales {
            if let title = Self.ownTitle(of: old, in: locale) {
                slugs[locale]?[title]?.removeAll { $0 == old.slug }
                if slugs[locale]?[title]?.isEmpty == true { slugs[locale]?[title] = nil }
            }
            if let title = Self.ownTitle(of: new, in: locale) {
                var list = slugs[locale]?[title] ?? []
                list.insert(new.slug, at: list.firstIndex { $0 > new.slug } ?? list.endIndex)
                slugs[locale, default: [:]][title] = list
            }
        }
    }

    private static func ownTitle(of role: Role, in locale: String) -> String? {
        guard let outline = role.outline[locale], !outline.isFallback("title") else { return nil }
        return outline.title
    }
}

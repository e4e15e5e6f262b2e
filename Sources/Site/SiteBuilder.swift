import Content
import Diagnostics
import Dispatch
import Foundation
import Localization
import MarkdownRendering
import Synchronization
import TemplateEngine

/// `rolegen build`: content + templates + string tables → the output tree.
///
/// The build checks everything before it writes anything (content, templates, string tables
/// and their use), then renders every page in parallel into a staging folder that replaces
/// the output folder only when no page failed. Errors never leave a half-written site.
public enum SiteBuilder {
    public static func build(_ options: BuildOptions) -> BuildReport {
        run(options, remembering: false).report
    }

    /// The build; with `remembering`, a successful build that wrote its output also returns what
    /// a `BuildSession` keeps to rebuild after an edit of role text without reading everything
    /// again. Such a build loads everything even when nothing changed, unless `unchangedIsEnough`
    /// (the session has a memory of the tree already): then nothing is returned.
    static func run(_ options: BuildOptions, remembering: Bool, unchangedIsEnough: Bool = true) -> (report: BuildReport, memory: BuildMemory?) {
        let started = DispatchTime.now()
        var report = BuildReport(diagnostics: [], fallbacks: [], pagesPerLocale: [], rootPages: 0, files: [], seconds: 0)
        report.wroteOutput = options.writeOutput
        var clock = PhaseClock(progress: options.progress)

        // 0. Where the site goes: never over its own sources, whatever else is wrong.
        if options.writeOutput, let problem = OutputFolder.placementProblem(output: options.output, root: options.root) {
            report.diagnostics.append(SiteError.output(problem).diagnostic())
        }

        // Incremental: when nothing changed since the last build into the output folder, its
        // report is the answer and the output folder stays as it is.
        let incremental = report.diagnostics.isEmpty ? IncrementalBuild.start(options) : nil
        if !remembering || unchangedIsEnough, let incremental, let unchanged = incremental.unchangedReport(options) {
            report = unchanged
            finish(&report, &clock, started: started)
            return (report, nil)
        }

        // 1. Read and check everything: a mistake in one kind of file does not stop the others
        //    from being checked, so one run reports every mistake.
        let folder = SiteFolder(root: options.root.standardizedFileURL.path, observingReads: incremental?.readObserver)
        // A build holds per role only what other pages share (its facts and outline), except for
        // the roles a fixed budget keeps whole; the others' texts are read again on the thread
        // that renders their pages. A session keeps them all.
        var loaded = ContentLoader.load(
            root: options.root, sections: options.roleSections.map(\.section),
            roleCache: incremental.flatMap { _ in options.roleCache }, roleKeys: incremental?.roleKeysBeforeLoading ?? [:],
            keepingTexts: remembering, keepingMarkdown: MarkdownRenderer.mayHoldLinksOrHTML, keptTexts: options.keptTexts,
            observingReads: incremental?.readObserver, listings: incremental?.takeListings())
        options.afterLoading?()
        // What does not depend on the roles (templates, assets, UI strings and their use) is
        // kept apart, for a session to reuse.
        var fixed: [Diagnostic] = []
        let templates = loadTemplates(folder, into: &fixed)
        let assets = Assets(folder: folder, into: &fixed)
        guard var site = loaded.site ?? loaded.partialSite, let templates else {
            report.diagnostics += loaded.diagnostics + fixed
            finish(&report, &clock, started: started)
            return (report, nil)
        }
        clock.enter(.check)
        let contentIsWhole = loaded.site != nil
        // `site` is the build's one copy from here: it lets go of what pages never read. A
        // session keeps the loaded content instead, to splice an edited role into it.
        if !remembering { (loaded.site, loaded.partialSite) = (nil, nil) }
        report.fallbacks = site.fallbacks
        configure(&site, options, into: &fixed)
        let strings = compileStrings(site, templateKeys: StringUsage.templateForms(templates), into: &fixed)
        // Without the default table (it is missing or broken, which is reported), every key
        // would be "unknown": errors that only repeat that one.
        let hasDefaultTable = site.strings[site.config.defaultLocale] != nil
        var misspeltKeys: Set<String> = []
        if hasDefaultTable {
            let usage = StringUsage.check(templates, site)
            fixed += usage.diagnostics
            misspeltKeys = usage.misspeltKeys
        }
        report.diagnostics += fixed + Self.withoutRepeatedTypos(loaded.diagnostics, misspeltKeys: misspeltKeys)
        report.diagnostics += contentChecks(site, isWhole: contentIsWhole, options: options, assets: assets)
        // Outdated translations of partly loaded content would only repeat the errors that left the rest out.
        let outdated: @Sendable (SiteContent) -> [TranslationUnit] = { contentIsWhole ? TranslationStatus(site: $0).outdated.map(\.unit) : [] }
        guard hasDefaultTable else {
            report.outdated = outdated(site)
            finish(&report, &clock, started: started)
            return (report, nil)
        }

        // 2. Render every page in parallel. Pages are rendered even when something is wrong
        //    already, to find every template mistake too; they are written only when nothing is.
        clock.enter(.model)
        let urls = SiteURLs(config: site.config)
        report.basePath = urls.basePath
        let model: SiteModel
        do {
            // The translation units are for the status of translations, read while the site
            // model is made without them: no page reads them (a few KB per role, held
            // otherwise until the last page is written).
            let checked = site
            let rereader = loaded.rereader
            site.translations = []
            (report.outdated, model) = concurrently({ outdated(checked) }, { [site] in
                SiteModel(
                    site: site, urls: urls, strings: strings, assets: assets, roleSections: options.roleSections,
                    articleStringKeys: StringUsage.templateKeys(templates, page: PagePlan.articleTemplate), rereader: rereader)
            })
        }
        let (plan, markdown) = concurrently({ PagePlan(model: model) }, { MarkdownChecks(model: model) })
        report.diagnostics += markdown.diagnostics
        if options.warningsAsErrors { makeWarningsErrors(&report.diagnostics) }
        let output: OutputFolder?
        do {
            output = options.writeOutput && !report.diagnostics.hasErrors
                ? try OutputFolder(output: options.output, root: options.root, force: options.force, waiting: options.waiting, incremental: incremental)
                : nil
        } catch {
            report.diagnostics.append(Self.diagnostic(output: error, what: "prepare \(options.output.path)"))
            finish(&report, &clock, started: started)
            return (report, nil)
        }
        // Incremental: the record's sources and fallbacks are written while the pages render
        // (into a file put in place only after the swap).
        if output != nil { incremental?.startRecord(fallbacks: report.fallbacks, outdated: report.outdated) }
        clock.enter(.render)
        let pagesStarted = DispatchTime.now().uptimeNanoseconds
        // The files that are not pages (assets, sitemap, robots.txt) are written by the same
        // threads as the pages, so that none of them waits for the others at the end. Into the
        // staging folder only: a build that fails discards it. (An incremental build links
        // those whose bytes did not change, as it does pages.)
        let otherFiles = Self.otherFiles(assets: assets, plan: plan, urls: urls, sitemapLimits: options.sitemapLimits)
        let files = plan.pages.map(\.file) + otherFiles.map(\.path)
        // For the report, the link checks and the output folder's record, the files in order
        // and as a set, and the pages counted, while the pages render.
        let locales = site.config.locales
        let listed = Background { (files: files.sorted(), set: Set(files), pageCounts: plan.pageCounts(locales: locales)) }
        // Incremental: pages whose inputs did not change are linked from the published tree.
        let pages = output.flatMap { output in
            incremental?.pagesToRender(plan, model: model, output: output, keepingIDsOf: markdown.anchoredFiles)
        } ?? plan.pages
        var writer: FileWriter?
        if let output {
            writer = { (bytes: UnsafeRawBufferPointer, path: String) throws(OutputError) in try output.write(bytes, to: path) }
        }
        let rendering = render(
            pages, otherFiles: otherFiles, templates: templates, writer: writer, progress: options.progress, keepingIDsOf: markdown.anchoredFiles)
        report.pageSeconds = Double(DispatchTime.now().uptimeNanoseconds - pagesStarted) / 1e9
        report.diagnostics += rendering.errors
        report.diagnostics += (loaded.rereader?.changedRoles ?? []).map { slug in
            SiteError.roleChangedDuringBuild(slug: slug).diagnostic(at: SourceLocation(file: "content/roles/\(slug)/", line: 1, column: 1))
        }
        report.diagnostics += markdown.linkErrors(files: listed.value.set, ids: rendering.ids)
        if output != nil { clock.split(writingShare: rendering.writingShare) }
        var committed = false
        if let output {
            if report.diagnostics.hasErrors {
                output.discard()
            } else {
                clock.enter(.swap)
                if let incremental {
                    var recorded = report
                    (recorded.pagesPerLocale, recorded.rootPages) = listed.value.pageCounts
                    incremental.finishing(recorded)
                    report.changedFiles = incremental.changedFiles(files: files)
                }
                do {
                    // Removes the staging folder and releases the lock, whether it succeeds or not.
                    try output.commit(files: listed.value.files, set: listed.value.set)
                    committed = true
                } catch {
                    report.diagnostics.append(Self.diagnostic(output: error))
                }
            }
        }
        if !report.diagnostics.hasErrors {
            report.files = listed.value.files
            (report.pagesPerLocale, report.rootPages) = listed.value.pageCounts
        }
        finish(&report, &clock, started: started)
        // A build that is not remembered is done with all of it.
        if !remembering { releaseInBackground((model, plan, site, loaded, markdown, pages, rendering, files)) }
        guard remembering, committed, !report.diagnostics.hasErrors, let incremental, let record = incremental.savedRecord,
              let recordFolder = OutputFolder.recordFolder(for: options.output), let identity = OutputFolder.filesIdentity(in: recordFolder)
        else { return (report, nil) }
        // The lists of translation units and fallbacks are kept once, in the loaded content,
        // so that a session splices them in place (see `BuildMemory`).
        var kept = report
        kept.fallbacks = []
        let memory = BuildMemory(
            loaded: loaded, fixedDiagnostics: fixed, misspeltKeys: misspeltKeys, templates: templates, assets: assets, strings: strings,
            model: model.withoutTranslationLists, markdown: markdown, keys: incremental.pageKeys,
            roster: PageKeys(model: model, siteWide: incremental.siteWideKey, roleKeys: incremental.roleKeys).roster, ids: rendering.ids,
            files: Set(files), record: record, roleKeys: incremental.roleKeys, siteWideKey: incremental.siteWideKey, report: kept,
            filesIdentity: identity)
        return (report, memory)
    }

    /// The end of every build: diagnostics once each, sorted; the phases' and the whole time.
    static func finish(_ report: inout BuildReport, _ clock: inout PhaseClock, started: DispatchTime) {
        report.diagnostics = Array(Set(report.diagnostics)).sorted()
        report.timings = clock.stop()
        report.seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
    }

    /// `--base-url` and `--set`, applied to the loaded site.json.
    static func configure(_ site: inout SiteContent, _ options: BuildOptions, into diagnostics: inout [Diagnostic]) {
        do throws(ContentError) {
            if let baseURL = options.baseURL {
                try SiteSetting.baseURL.override(baseURL, path: "--base-url").apply(to: &site.config)
            }
        } catch {
            diagnostics.append(error.diagnostic(at: nil))
        }
        for override in options.overrides {
            override.apply(to: &site.config)
        }
    }

    /// A translation's key reported as missing from the default table "— did you mean" the
    /// default table's own typo only repeats the root cause reported at the typo.
    static func withoutRepeatedTypos(_ diagnostics: [Diagnostic], misspeltKeys: Set<String>) -> [Diagnostic] {
        guard !misspeltKeys.isEmpty else { return diagnostics }
        return diagnostics.filter {
            !($0.code == ContentError.Code.keyNotInDefaultTable.rawValue && misspeltKeys.contains($0.suggestion ?? ""))
        }
    }

    /// The checks of the whole content that the roles' text changes: `--strict` (fallbacks of
    /// partly loaded content would only repeat the errors that left the rest out), sharing images.
    static func contentChecks(_ site: SiteContent, isWhole: Bool, options: BuildOptions, assets: Assets) -> [Diagnostic] {
        (isWhole ? options.strict.diagnostics(for: site, root: options.root) : []) + assets.checkImages(site)
    }

    /// The files of the output that are not pages: assets, sitemap, robots.txt.
    static func otherFiles(assets: Assets, plan: PagePlan, urls: SiteURLs, sitemapLimits: Sitemap.Limits) -> [OtherFile] {
        assets.files.map { file in OtherFile(path: "assets/" + file.publishedName) { file.bytes } }
            + Sitemap.files(plan.sitemapEntries, urls: urls, limits: sitemapLimits)
            + [OtherFile(path: "robots.txt") { Array(Sitemap.robots(urls: urls).utf8) }]
    }

    /// `--warnings-as-errors`: every warning so far becomes an error, so that the build fails
    /// (and writes nothing).
    static func makeWarningsErrors(_ diagnostics: inout [Diagnostic]) {
        for index in diagnostics.indices where diagnostics[index].severity == .warning {
            diagnostics[index].severity = .error
        }
    }

    /// A problem with the output folder: an `OutputError` keeps its own code; anything else
    /// is said as failing to do `what`.
    static func diagnostic(output error: any Error, what: String = "write the output") -> Diagnostic {
        if let error = error as? OutputError { return SiteError.output(error).diagnostic() }
        return SiteError.outputFailed(what: what, reason: "\(error)").diagnostic()
    }

    /// Parses every UI string of every locale once for the whole build.
    private static func compileStrings(_ site: SiteContent, templateKeys: UIStringForms, into diagnostics: inout [Diagnostic]) -> [String: LocaleStrings] {
        let defaultLocale = site.config.defaultLocale
        // Content accepts only locales with built-in rules, so these lookups succeed.
        guard let defaultRules = LocaleRules.builtIn(defaultLocale) else { return [:] }
        var compiled: [String: LocaleStrings] = [:]
        for locale in site.config.locales {
            guard let rules = LocaleRules.builtIn(locale) else { continue }
            let own = Set(site.strings[locale]?.entries.keys.map { $0 } ?? [])
            let strings = LocaleStrings(
                locale: locale, entries: site.uiStrings(in: locale), ownKeys: own, templateKeys: templateKeys,
                rules: rules, defaultRules: defaultRules)
            compiled[locale] = strings
        }
        return compiled
    }

    /// Renders and writes every page, spread over all cores. Returns the distinct render errors
    /// (a mistake in a shared template would otherwise be reported once per page) and the share
    /// of the threads' time that went to writing rather than rendering.
    /// `writer` writes a file (into the staging folder, or for a session into memory); nil when
    /// nothing is written.
    static func render(
        _ pages: [PagePlan.Page], otherFiles: [OtherFile], templates: TemplateSet, writer: FileWriter?,
        progress: BuildProgress?, keepingIDsOf anchored: Set<String>
    ) -> (errors: [Diagnostic], writingShare: Double, ids: [String: Set<String>]) {
        let errors = Mutex<Set<Diagnostic>>([])
        let ids = Mutex<[String: Set<String>]>([:])
        let renderNanoseconds = Atomic<UInt64>(0)
        let writeNanoseconds = Atomic<UInt64>(0)
        progress?.startPages(pages.count)
        let jobs = renderJobs(pages)
        // The other files come first: the sitemap is the largest single job, and started last it
        // would leave one core idle at the end.
        DispatchQueue.concurrentPerform(iterations: otherFiles.count + jobs.count) { index in
            guard index >= otherFiles.count else {
                guard let writer else { return }
                let file = otherFiles[index]
                let start = DispatchTime.now().uptimeNanoseconds
                do {
                    try file.bytes().withUnsafeBytes { try writer($0, file.path) }
                    writeNanoseconds.add(DispatchTime.now().uptimeNanoseconds - start, ordering: .relaxed)
                } catch {
                    errors.withLock { _ = $0.insert(diagnostic(output: error)) }
                }
                return
            }
            let job = jobs[index - otherFiles.count]
            // A role page's `RolePage` not taken by its article (not rendered in this build)
            // is let go with the job, not held to the end of the build.
            defer { for page in pages[job] { _ = page.handOver?.take() } }
            for page in pages[job] {
                do {
                    let start = DispatchTime.now().uptimeNanoseconds
                    guard let data = page.data() else {
                        progress?.pageDone()
                        continue
                    }
                    let bytes = try templates.renderInPlace(page.template, data)
                    if anchored.contains(page.file) {
                        let found = bytes.withUnsafeBytes { htmlIDs(in: $0) }
                        ids.withLock { $0[page.file] = found }
                    }
                    let rendered = DispatchTime.now().uptimeNanoseconds
                    renderNanoseconds.add(rendered - start, ordering: .relaxed)
                    if !bytes.errors.isEmpty {
                        errors.withLock { $0.formUnion(bytes.errors.filter { !isUnknownUIString($0) }.map(\.diagnostic)) }
                    } else if let writer {
                        try bytes.withUnsafeBytes { try writer($0, page.file) }
                        writeNanoseconds.add(DispatchTime.now().uptimeNanoseconds - rendered, ordering: .relaxed)
                    }
                } catch let error as TemplateError {
                    errors.withLock { _ = $0.insert(error.diagnostic) }
                } catch {
                    errors.withLock { _ = $0.insert(diagnostic(output: error)) }
                }
                progress?.pageDone()
            }
        }
        let rendering = Double(renderNanoseconds.load(ordering: .relaxed))
        let writing = Double(writeNanoseconds.load(ordering: .relaxed))
        return (errors.withLock { Array($0) }, rendering + writing > 0 ? writing / (rendering + writing) : 0, ids.withLock { $0 })
    }

    /// The pages as the rendering threads take them: each role's consecutive pages together
    /// (see `PagePlan.Page.role`), every other page alone.
    static func renderJobs(_ pages: [PagePlan.Page]) -> [Range<Int>] {
        var jobs: [Range<Int>] = []
        var start = 0
        for index in pages.indices.dropFirst() where pages[index].role == nil || pages[index].role != pages[start].role {
            jobs.append(start..<index)
            start = index
        }
        if !pages.isEmpty { jobs.append(start..<pages.count) }
        return jobs
    }

    /// Every template under `templates/` (`pages/role.html` is `pages/role`), read through
    /// `folder` so that nothing outside the site root is read. Templates with mistakes are
    /// reported and compiled empty, so that the others are still checked; nil only when the
    /// folder is missing.
    private static func loadTemplates(_ folder: SiteFolder, into diagnostics: inout [Diagnostic]) -> TemplateSet? {
        guard folder.isFolder("templates") else {
            diagnostics.append(ContentError.missingFile(path: "templates/", why: "the page templates").diagnostic(file: nil))
            return nil
        }
        var files: [TemplateFile] = []
        var refused: [(path: String, error: ContentError)] = []
        let paths = folder.files(under: "templates", refused: &refused)
        diagnostics += refused.map { $0.error.diagnostic(file: $0.path) }
        for path in paths where path.hasSuffix(".html") {
            switch folder.contents(of: path) {
            case .bytes(let bytes):
                let name = String(path.dropFirst("templates/".count).dropLast(".html".count))
                files.append(TemplateFile(name: name, displayName: path, bytes: bytes))
            case .missing:
                break  // removed since the folder was listed
            case .refused(let error):
                diagnostics.append(error.diagnostic(file: path))
            }
        }
        let (templates, errors) = TemplateSet.compilingAll(files)
        diagnostics += errors.map(\.diagnostic)
        return templates
    }

    /// `{{t.some.key}}` naming no UI string: `StringUsage` reports each use already, at the
    /// same position and with the table to fix, so the renderer's error would only repeat it.
    private static func isUnknownUIString(_ error: TemplateError) -> Bool {
        if case .unknownName(let name, _) = error.kind { return StringUsage.key(ofReference: name) != nil }
        return false
    }
}

/// Writes a file of the output: its bytes, at its path relative to the output folder.
typealias FileWriter = @Sendable (UnsafeRawBufferPointer, String) throws(OutputError) -> Void

/// A file of the output that is not a page: its path in the tree and how to make its bytes.
struct OtherFile: Sendable {
    var path: String
    var bytes: @Sendable () -> [UInt8]
}

/// Times the phases of one build: each `enter` ends the phase before it.
struct PhaseClock {
    private let progress: BuildProgress?
    private var phase = BuildPhase.load
    private var phaseStart = DispatchTime.now().uptimeNanoseconds
    private var timings: [(phase: BuildPhase, seconds: Double)] = []

    init(progress: BuildProgress?) {
        self.progress = progress
        progress?.enter(.load)
    }

    mutating func enter(_ next: BuildPhase) {
        let now = DispatchTime.now().uptimeNanoseconds
        timings.append((phase, Double(now - phaseStart) / 1e9))
        phase = next
        phaseStart = now
        progress?.enter(next)
    }

    /// Splits the render phase so far into render and write time, by the share of the threads'
    /// time spent writing, and continues in the write phase (assets, sitemap).
    mutating func split(writingShare: Double) {
        let now = DispatchTime.now().uptimeNanoseconds
        let seconds = Double(now - phaseStart) / 1e9
        timings.append((.render, seconds * (1 - writingShare)))
        phase = .write
        phaseStart = now - UInt64(seconds * writingShare * 1e9)
        progress?.enter(.write)
    }

    /// Ends the current phase and returns every phase's time, in order.
    mutating func stop() -> [(phase: BuildPhase, seconds: Double)] {
        let now = DispatchTime.now().uptimeNanoseconds
        timings.append((phase, Double(now - phaseStart) / 1e9))
        return timings
    }
}

/// Every page of the site, in a fixed order: root, 404, then per locale its index and 404, each role
/// page and each deep-dive article. The order fixes the sitemap and the report, not rendering.
struct PagePlan: Sendable {
    /// The template of every deep-dive article page (its UI strings are known, `SiteModel.articleStringKeys`).
    static let articleTemplate = "pages/article"

    struct Page: Sendable {
        var template: String
        var file: String
        /// Nil for pages that belong to no locale (root, 404).
        var locale: String?
        /// The slug of the role whose texts the page reads, nil for the others. A role's pages
        /// stand together in the plan and are rendered by one thread, one after the other: its
        /// texts are read again from its folder for them (`RoleRereader`), and a second thread
        /// on the same role would only wait for that read.
        var role: String? = nil
        /// For a role page and its deep-dive article, the `RolePage` the one hands to the other.
        var handOver: RolePageHandOver? = nil
        /// Nil when the page has nothing to show after all: its role's files changed since they
        /// were loaded (the build reports that instead, `RoleRereader.changedRoles`).
        var data: @Sendable () -> TemplateValue?
    }

    var pages: [Page] = []
    var sitemapEntries: [Sitemap.Entry] = []

    /// Pages per locale, in `locales` order, and pages of no locale: what the report counts.
    func pageCounts(locales: [String]) -> (perLocale: [(locale: String, count: Int)], other: Int) {
        // Counted in one pass, without copying the pages.
        var counts: [String: Int] = [:]
        var other = 0
        for page in pages {
            if let locale = page.locale { counts[locale, default: 0] += 1 } else { other += 1 }
        }
        return (locales.map { (locale: $0, count: counts[$0] ?? 0) }, other)
    }

    init(model: SiteModel) {
        (pages, sitemapEntries) = Self.sharedPages(model: model)
        // Sized first: the arrays are held to the end, and grown by doubling up to half would be spare.
        let roles = model.site.roles
        // By index, here and below: a `Role` passed on from the array is copied, retaining every
        // text it holds (cold memory at the scale of a large site).
        let rolePages = roles.indices.reduce(0) { $0 + model.locales.count + model.articleLocales(outline: roles[$1].outline).count }
        pages.reserveCapacity(pages.count + rolePages)
        sitemapEntries.reserveCapacity(sitemapEntries.count + rolePages)
        let shared = SharedModel(model)
        // Each role's pages are worked out on every core (URLs and alternates for each locale:
        // tens of milliseconds for a large site, before the first page can render), and joined
        // in role order.
        for (rolePages, entries) in Array(roles.indices).concurrentMap({ Self.pages(of: roles, at: $0, model: model, shared: shared) }) {
            pages += rolePages
            sitemapEntries += entries
        }
    }

    /// A role's page in one locale, handed from its role page to its deep-dive article:
    /// `RolePage.init` works out the role's texts in the locale and its message arguments,
    /// the same for both. The article page makes its own when there is none to take (its
    /// role page was not rendered, as in an incremental build, or not yet); one not taken is
    /// let go when the rendering thread is done with the role (`SiteBuilder.render`).
    final class RolePageHandOver: Sendable {
        private let page = Mutex<RolePage?>(nil)

        func give(_ rolePage: RolePage) {
            page.withLock { $0 = rolePage }
        }

        /// The page given, once.
        func take() -> RolePage? {
            page.withLock { page in
                defer { page = nil }
                return page
            }
        }
    }

    /// The model as every role page's closure holds it: one reference. Captured itself, the
    /// model (a few hundred bytes of fields) and the role would be copied into each of a large
    /// site's tens of thousands of closures, held from planning to the last page written.
    final class SharedModel: Sendable {
        let model: SiteModel

        init(_ model: SiteModel) {
            self.model = model
        }

        /// The role `slug` with its texts, for its pages (`SiteModel.withTexts`).
        func role(_ slug: String) -> Role? {
            // Not `flatMap(model.withTexts)`: the method as a value captured a copy of the model.
            guard let role = model.rolesBySlug[slug] else { return nil }
            return model.withTexts(role)
        }
    }

    /// The root page, the 404 pages and each locale's index: what every role's title shows on.
    static func sharedPages(model: SiteModel) -> (pages: [Page], sitemapEntries: [Sitemap.Entry]) {
        let urls = model.urls
        var pages: [Page] = []
        var sitemapEntries: [Sitemap.Entry] = []
        let indexAlternates = model.alternates(url: urls.index, xDefault: urls.root)
        pages.append(Page(template: "pages/root", file: urls.filePath(for: urls.root), locale: nil) { model.rootData() })
        sitemapEntries.append(.init(path: urls.root, alternates: indexAlternates, lastModified: nil))
        pages.append(Page(template: "pages/404", file: urls.filePath(for: urls.notFound), locale: nil) { model.notFoundData(locale: nil) })
        for locale in model.locales {
            pages.append(Page(template: "pages/index", file: urls.filePath(for: urls.index(locale)), locale: locale) { model.indexData(locale: locale) })
            pages.append(Page(template: "pages/404", file: urls.filePath(for: urls.notFound(locale)), locale: locale) { model.notFoundData(locale: locale) })
            sitemapEntries.append(.init(path: urls.index(locale), alternates: indexAlternates, lastModified: nil))
        }
        return (pages, sitemapEntries)
    }

    /// A role's page and article in every locale, in plan order.
    static func pages(of role: Role, model: SiteModel, shared: SharedModel? = nil) -> (pages: [Page], sitemapEntries: [Sitemap.Entry]) {
        pages(of: [role], at: 0, model: model, shared: shared)
    }

    /// `pages(of:)` of `roles[index]`.
    static func pages(of roles: [Role], at index: Int, model: SiteModel, shared: SharedModel? = nil) -> (pages: [Page], sitemapEntries: [Sitemap.Entry]) {
        let urls = model.urls
        let shared = shared ?? SharedModel(model)
        let slug = roles[index].slug
        let lastReviewed = roles[index].lastReviewed.description
        var pages: [Page] = []
        var sitemapEntries: [Sitemap.Entry] = []
        let roleAlternates = model.alternates(url: { urls.role(slug, in: $0) }, xDefault: urls.role(slug, in: model.defaultLocale))
        let articleLocales = model.articleLocales(outline: roles[index].outline)
        let articleAlternates = model.alternates(
            url: { urls.article(slug, in: $0) }, xDefault: urls.article(slug, in: model.defaultLocale), in: articleLocales)
        for locale in model.locales {
            let path = urls.role(slug, in: locale)
            let hasArticle = articleLocales.contains(locale)
            // The article, rendered right after the page on the same thread, takes the page's
            // `RolePage` instead of making its own.
            let handOver = hasArticle ? RolePageHandOver() : nil
            pages.append(Page(template: "pages/role", file: urls.filePath(for: path), locale: locale, role: slug, handOver: handOver) {
                guard let role = shared.role(slug) else { return nil }
                let page = RolePage(model: shared.model, role: role, locale: locale)
                handOver?.give(page)
                return page.data()
            })
            sitemapEntries.append(.init(path: path, alternates: roleAlternates, lastModified: lastReviewed))
            if let handOver {
                let articlePath = urls.article(slug, in: locale)
                pages.append(Page(template: Self.articleTemplate, file: urls.filePath(for: articlePath), locale: locale, role: slug, handOver: handOver) {
                    let page = handOver.take() ?? shared.role(slug).map { RolePage(model: shared.model, role: $0, locale: locale) }
                    return page.map { $0.articleData() ?? .null }
                })
                sitemapEntries.append(.init(path: articlePath, alternates: articleAlternates, lastModified: lastReviewed))
            }
        }
        return (pages, sitemapEntries)
    }
}

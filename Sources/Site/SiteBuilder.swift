import Content
import Diagnostics
import Dispatch
import Foundation
import Localization
import Synchronization
import TemplateEngine

/// `rolegen build`: content + templates + string tables → the output tree.
///
/// The build checks everything before it writes anything (content, templates, string tables
/// and their use), then renders every page in parallel into a staging folder that replaces
/// the output folder only when no page failed. Errors never leave a half-written site.
public enum SiteBuilder {
    public static func build(_ options: BuildOptions) -> BuildReport {
        let started = DispatchTime.now()
        var report = BuildReport(diagnostics: [], fallbacks: [], pagesPerLocale: [], rootPages: 0, files: [], seconds: 0)
        let finish = { (report: inout BuildReport) in
            report.diagnostics = Array(Set(report.diagnostics)).sorted()
            report.seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        }

        // 0. Where the site goes: never over its own sources, whatever else is wrong.
        if options.writeOutput, let problem = OutputFolder.placementProblem(output: options.output, root: options.root) {
            report.diagnostics.append(.error(problem.description))
        }

        // 1. Read and check everything: a mistake in one kind of file does not stop the others
        //    from being checked, so one run reports every mistake.
        let folder = SiteFolder(root: options.root.standardizedFileURL.path)
        let loaded = ContentLoader.load(root: options.root)
        report.diagnostics += loaded.diagnostics
        let templates = loadTemplates(folder, into: &report.diagnostics)
        guard var site = loaded.site ?? loaded.partialSite, let templates else {
            finish(&report)
            return report
        }
        let contentIsWhole = loaded.site != nil
        report.fallbacks = site.fallbacks
        if let baseURL = options.baseURL {
            if baseURL.hasPrefix("https://") || baseURL.hasPrefix("http://") {
                site.config.baseURL = baseURL
            } else {
                report.diagnostics.append(.error("--base-url must be an absolute http(s) URL, found `\(baseURL)`"))
            }
        }
        let templateKeys = Set(templates.references.filter { $0.name.hasPrefix("t.") }.map { String($0.name.dropFirst(2)) })
        let strings = compileStrings(site, templateKeys: templateKeys, into: &report.diagnostics)
        // Without the default table (it is missing or broken, which is reported), every key
        // would be "unknown": errors that only repeat that one.
        let hasDefaultTable = site.strings[site.config.defaultLocale] != nil
        if hasDefaultTable {
            report.diagnostics += StringUsage.check(templates, site)
        }
        if options.strict && contentIsWhole {
            report.diagnostics += site.fallbacks.map { fallback in
                .error("no `\(fallback.locale)` text for \(fallback.field)\(fallback.role.map { " of role `\($0)`" } ?? ""): the `\(site.config.defaultLocale)` text is shown instead (--strict forbids fallbacks)", at: Self.location(of: fallback))
            }
        }
        let assets = Assets(folder: folder, into: &report.diagnostics)
        guard hasDefaultTable else {
            finish(&report)
            return report
        }

        // 2. Render every page in parallel.
        let urls = SiteURLs(config: site.config)
        let model = SiteModel(site: site, urls: urls, strings: strings, assets: assets.value(urls: urls))
        let plan = PagePlan(model: model)
        // Pages are rendered even when something is wrong already, to find every template
        // mistake too; they are written only when nothing is.
        let output: OutputFolder?
        do {
            output = options.writeOutput && !report.diagnostics.hasErrors
                ? try OutputFolder(output: options.output, root: options.root, force: options.force, waiting: options.waiting)
                : nil
        } catch {
            report.diagnostics.append(.error("\(error)"))
            finish(&report)
            return report
        }
        let renderErrors = render(plan, templates: templates, output: output)
        report.diagnostics += renderErrors

        // 3. The files that are not pages.
        var files = plan.pages.map(\.file)
        if let output, renderErrors.isEmpty {
            do {
                for file in assets.files {
                    try output.write(file.bytes, to: "assets/" + file.publishedName)
                    files.append("assets/" + file.publishedName)
                }
                try output.write(Array(Sitemap.xml(plan.sitemapEntries, urls: urls).utf8), to: "sitemap.xml")
                try output.write(Array(Sitemap.robots(urls: urls).utf8), to: "robots.txt")
                files += ["sitemap.xml", "robots.txt"]
            } catch {
                report.diagnostics.append(.error("\(error)"))
            }
        }
        if let output {
            if report.diagnostics.hasErrors {
                output.discard()
            } else {
                do {
                    try output.commit(files: files)
                } catch {
                    report.diagnostics.append(.error("\(error)"))
                }
            }
        }
        if !report.diagnostics.hasErrors {
            report.files = files.sorted()
            report.pagesPerLocale = site.config.locales.map { locale in
                (locale: locale, count: plan.pages.filter { $0.locale == locale }.count)
            }
            report.rootPages = plan.pages.filter { $0.locale == nil }.count
        }
        finish(&report)
        return report
    }

    /// Parses every UI string of every locale once for the whole build.
    private static func compileStrings(_ site: SiteContent, templateKeys: Set<String>, into diagnostics: inout [Diagnostic]) -> [String: LocaleStrings] {
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
            // A broken default-locale string is reported once, not once per locale that falls back to it.
            let defaultTable = "locales/\(defaultLocale).json"
            diagnostics += strings.problems.filter { locale == defaultLocale || $0.location?.file != defaultTable }
        }
        return compiled
    }

    /// Where a missing translation belongs: the file a translator would add it to (which may
    /// not exist yet), at its start.
    static func location(of fallback: Fallback) -> SourceLocation {
        let file: String
        if let role = fallback.role {
            let field = fallback.field
            if ["analysis", "verdict", "article"].contains(field) {
                file = "content/roles/\(role)/\(field).\(fallback.locale).md"
            } else {
                file = "content/roles/\(role)/\(fallback.locale).json"
            }
        } else if fallback.field.hasPrefix("strings.") {
            file = "locales/\(fallback.locale).json"
        } else if fallback.field.hasPrefix("tools.") {
            file = "content/tools.json"
        } else {
            file = "content/sectors.json"
        }
        return SourceLocation(file: file, line: 1, column: 1)
    }

    /// Renders and writes every page, spread over all cores. Returns the distinct render errors
    /// (a mistake in a shared template would otherwise be reported once per page).
    private static func render(_ plan: PagePlan, templates: TemplateSet, output: OutputFolder?) -> [Diagnostic] {
        let errors = Mutex<Set<Diagnostic>>([])
        let pages = plan.pages
        DispatchQueue.concurrentPerform(iterations: pages.count) { index in
            let page = pages[index]
            do {
                let (bytes, renderErrors) = try templates.renderCollectingErrors(page.template, page.data())
                if renderErrors.isEmpty {
                    try output?.write(bytes, to: page.file)
                } else {
                    errors.withLock { $0.formUnion(renderErrors.filter { !isUnknownUIString($0) }.map(diagnostic)) }
                }
            } catch let error as TemplateError {
                errors.withLock { _ = $0.insert(diagnostic(error)) }
            } catch {
                errors.withLock { _ = $0.insert(.error("\(error)")) }
            }
        }
        return errors.withLock { Array($0) }
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
        diagnostics += errors.map(Self.diagnostic)
        return templates
    }

    /// `{{t.some.key}}` naming no UI string: `StringUsage` reports each use already, at the
    /// same position and with the table to fix, so the renderer's error would only repeat it.
    private static func isUnknownUIString(_ error: TemplateError) -> Bool {
        if case .unknownName(let name, _) = error.kind { return name.hasPrefix("t.") }
        return false
    }

    static func diagnostic(_ error: TemplateError) -> Diagnostic {
        .error(error.message, at: SourceLocation(file: error.file, line: error.line, column: error.column), sourceLine: error.sourceLine)
    }
}

/// Every page of the site, in a fixed order: root, 404, then per locale its index, each role
/// page and each deep-dive article. The order fixes the sitemap and the report, not rendering.
struct PagePlan: Sendable {
    struct Page: Sendable {
        var template: String
        var file: String
        /// Nil for pages that belong to no locale (root, 404).
        var locale: String?
        var data: @Sendable () -> TemplateValue
    }

    var pages: [Page] = []
    var sitemapEntries: [Sitemap.Entry] = []

    init(model: SiteModel) {
        let urls = model.urls
        let indexAlternates = model.alternates(url: urls.index, xDefault: urls.root)
        pages.append(Page(template: "pages/root", file: urls.filePath(for: urls.root), locale: nil) { model.rootData() })
        sitemapEntries.append(.init(path: urls.root, alternates: indexAlternates, lastModified: nil))
        pages.append(Page(template: "pages/404", file: urls.filePath(for: urls.notFound), locale: nil) { model.notFoundData() })
        for locale in model.locales {
            pages.append(Page(template: "pages/index", file: urls.filePath(for: urls.index(locale)), locale: locale) { model.indexData(locale: locale) })
            sitemapEntries.append(.init(path: urls.index(locale), alternates: indexAlternates, lastModified: nil))
        }
        for role in model.site.roles {
            let roleAlternates = model.alternates(url: { urls.role(role.slug, in: $0) }, xDefault: urls.role(role.slug, in: model.defaultLocale))
            let hasArticle = role.texts[model.defaultLocale]?.articleMarkdown != nil
            let articleAlternates = model.alternates(url: { urls.article(role.slug, in: $0) }, xDefault: urls.article(role.slug, in: model.defaultLocale))
            for locale in model.locales {
                let path = urls.role(role.slug, in: locale)
                pages.append(Page(template: "pages/role", file: urls.filePath(for: path), locale: locale) {
                    RolePage(model: model, role: role, locale: locale).data()
                })
                sitemapEntries.append(.init(path: path, alternates: roleAlternates, lastModified: role.lastReviewed.description))
                if hasArticle {
                    let articlePath = urls.article(role.slug, in: locale)
                    pages.append(Page(template: "pages/article", file: urls.filePath(for: articlePath), locale: locale) {
                        RolePage(model: model, role: role, locale: locale).articleData() ?? .null
                    })
                    sitemapEntries.append(.init(path: articlePath, alternates: articleAlternates, lastModified: role.lastReviewed.description))
                }
            }
        }
    }
}

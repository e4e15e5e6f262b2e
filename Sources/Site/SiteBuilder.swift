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

        // 1. Read and check everything.
        let loaded = ContentLoader.load(root: options.root)
        report.diagnostics += loaded.diagnostics
        var templates: TemplateSet?
        do {
            templates = try TemplateSet(directory: options.root.appendingPathComponent("templates"), displayPrefix: "templates")
        } catch {
            report.diagnostics += error.errors.map(Self.diagnostic)
        }
        guard var site = loaded.site, let templates else {
            finish(&report)
            return report
        }
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
        report.diagnostics += StringUsage.check(templates, site)
        if options.strict {
            report.diagnostics += site.fallbacks.map { fallback in
                .error("no `\(fallback.locale)` text for \(fallback.field)\(fallback.role.map { " of role `\($0)`" } ?? ""): the `\(site.config.defaultLocale)` text is shown instead (--strict forbids fallbacks)", at: Self.location(of: fallback))
            }
        }
        let assets: Assets
        do {
            assets = try Assets(directory: options.root.appendingPathComponent("templates/assets"))
        } catch {
            report.diagnostics.append(.error("cannot read templates/assets: \(error)"))
            finish(&report)
            return report
        }
        guard !report.diagnostics.hasErrors else {
            finish(&report)
            return report
        }

        // 2. Render every page in parallel.
        let urls = SiteURLs(config: site.config)
        let model = SiteModel(site: site, urls: urls, strings: strings, assets: assets.value(urls: urls))
        let plan = PagePlan(model: model)
        let output: OutputFolder?
        do {
            output = options.writeOutput
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
            do {
                compiled[locale] = try LocaleStrings(
                    locale: locale, entries: site.uiStrings(in: locale), ownKeys: own, templateKeys: templateKeys,
                    rules: rules, defaultRules: defaultRules)
            } catch {
                // A broken default-locale string is reported once, not once per locale that falls back to it.
                let defaultTable = "locales/\(defaultLocale).json"
                diagnostics += error.diagnostics.filter { locale == defaultLocale || $0.location?.file != defaultTable }
            }
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
                let bytes = try templates.renderBytes(page.template, page.data())
                try output?.write(bytes, to: page.file)
            } catch let error as TemplateError {
                errors.withLock { _ = $0.insert(diagnostic(error)) }
            } catch {
                errors.withLock { _ = $0.insert(.error("\(error)")) }
            }
        }
        return errors.withLock { Array($0) }
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

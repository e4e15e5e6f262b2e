import Content
import Diagnostics
import Dispatch
import Foundation
import MarkdownRendering
import Synchronization

/// The checks of the links and raw HTML in roles' Markdown (analysis, verdict, article).
///
/// Before rendering, each Markdown file is inspected once: raw HTML that the page will not show
/// (raw HTML is off unless `allowRawHTML`) is a warning at its line; a `role:` link to a role
/// that does not exist is an error; a link with an unknown scheme or a malformed web address is a
/// warning. Links to the site's own pages (paths, `role:` links, `#anchors`) are kept and
/// checked against the built tree after rendering: a link to no page, or to an anchor the page
/// does not have, is an error at the link.
struct MarkdownChecks: Sendable {
    /// A link to a page of the site, resolved for one page that shows the Markdown.
    struct InternalLink: Sendable {
        /// The linked file, relative to the output folder (`en/roles/x/index.html`).
        var targetFile: String
        var anchor: String?
        /// As written, for the message.
        var destination: String
        var location: SourceLocation
        var sourceLine: String?
    }

    var diagnostics: [Diagnostic] = []
    var internalLinks: [InternalLink] = []
    /// Slug → what its files gave, for a session to keep the findings of roles it did not read again.
    private(set) var byRole: [String: (diagnostics: [Diagnostic], internalLinks: [InternalLink])] = [:]

    /// The `role:` form links to another role's page in the page's own locale.
    static let roleScheme = "role:"

    /// `role:devops-engineer#faq` → the role's page in `locale`, with the anchor; nil for any
    /// other destination. Used by pages when they render Markdown.
    static func resolveRoleLink(_ destination: String, urls: SiteURLs, in locale: String) -> String? {
        guard destination.hasPrefix(roleScheme) else { return nil }
        let reference = destination.dropFirst(roleScheme.count)
        let slug = reference.prefix { $0 != "#" }
        return urls.role(String(slug), in: locale) + reference.dropFirst(slug.count)
    }

    /// Every role's files are inspected in parallel (cmark-gfm parses them; only its inline
    /// step is serialised) and the findings joined in role order, as one pass would give them.
    ///
    /// `previous`: the checks of the last build of a session in which only the roles `changed`
    /// were read again, the list of roles and the config staying the same. What a role's files
    /// give depends on them, on that list and on the config only, so the others' findings are kept.
    init(model: SiteModel, reusing previous: MarkdownChecks? = nil, changed: Set<String> = []) {
        let roles = model.site.roles
        let inspected = roles.indices.filter { previous?.byRole[roles[$0].slug] == nil || changed.contains(roles[$0].slug) }
        let perRole = Mutex([MarkdownChecks](repeating: MarkdownChecks(), count: inspected.count))
        DispatchQueue.concurrentPerform(iterations: inspected.count) { index in
            var checks = MarkdownChecks()
            checks.inspect(roles, at: inspected[index], model: model)
            perRole.withLock { $0[index] = checks }
        }
        var found = previous?.byRole ?? [:]
        for (index, checks) in zip(inspected, perRole.withLock({ $0 })) {
            found[roles[index].slug] = (checks.diagnostics, checks.internalLinks)
        }
        for index in roles.indices {
            guard let findings = found[roles[index].slug] else { continue }
            diagnostics += findings.diagnostics
            internalLinks += findings.internalLinks
        }
        byRole = found
    }

    private init() {}

    /// The Markdown files of `roles[index]` (by index: a `Role` passed on is copied, retaining
    /// every text it holds).
    private mutating func inspect(_ roles: [Role], at index: Int, model: SiteModel) {
        let inspector = model.sectionMarkdown
        let outline = roles[index].outline
        for written in model.locales {
            guard let texts = roles[index].texts[written] else { continue }
            for (field, markdown) in [("analysis", texts.analysisMarkdown), ("verdict", texts.verdictMarkdown), ("article", texts.articleMarkdown)] {
                guard let markdown else { continue }
                check(markdown, of: roles[index].slug, field: field, written: written, outline: outline, model: model, inspector: inspector)
            }
        }
    }

    /// The pages that show a role's `field` written in `written`: its own locale's, and those
    /// that fall back on it.
    private static func pages(
        showing field: String, written: String, of slug: String, outline: [String: RoleOutline], model: SiteModel
    ) -> [(locale: String, url: String)] {
        let articleLocales = field == "article" ? model.articleLocales(outline: outline) : []
        return model.locales.compactMap { page in
            let isShown = page == written
                ? outline[page]?.isFallback(field) == false
                : written == model.defaultLocale && outline[page]?.isFallback(field) == true
            guard isShown && (field != "article" || articleLocales.contains(page)) else { return nil }
            return (page, field == "article" ? model.urls.article(slug, in: page) : model.urls.role(slug, in: page))
        }
    }

    /// Its file and the pages that show it are worked out only when the Markdown has links or
    /// raw HTML (few files do).
    private mutating func check(
        _ markdown: String, of slug: String, field: String, written: String, outline: [String: RoleOutline], model: SiteModel,
        inspector: MarkdownRenderer
    ) {
        let inspection = inspector.inspect(markdown)
        guard !inspection.links.isEmpty || !inspection.rawHTML.isEmpty else { return }
        let pages = Self.pages(showing: field, written: written, of: slug, outline: outline, model: model)
        let source = SourceFile(path: "content/roles/\(slug)/\(field).\(written).md", text: markdown)
        func place(_ line: Int, _ byteColumn: Int) -> (SourceLocation, String?) {
            let location = source.location(ofByteOffset: source.byteOffset(line: line, byteColumn: byteColumn))
            return (location, source.lineText(location.line))
        }
        if !model.site.config.allowRawHTML {
            for position in inspection.rawHTML {
                let (location, line) = place(position.line, position.byteColumn)
                diagnostics.append(SiteError.rawHTMLDropped.diagnostic(at: location, sourceLine: line))
            }
        }
        for link in inspection.links {
            let (location, line) = place(link.line, link.byteColumn)
            let destination = link.destination
            if destination.isEmpty { continue }
            if destination.hasPrefix(Self.roleScheme) {
                let slug = String(destination.dropFirst(Self.roleScheme.count).prefix { $0 != "#" })
                guard model.site.role(slug) != nil else {
                    if model.site.rolesThatFailedToLoad.contains(slug) { continue }
                    let suggestion = closestMatch(to: slug, among: model.site.roles.map(\.slug))
                    diagnostics.append(SiteError.unknownRoleLink(slug: slug, suggestion: suggestion).diagnostic(at: location, sourceLine: line))
                    continue
                }
                for page in pages {
                    let resolved = Self.resolveRoleLink(destination, urls: model.urls, in: page.locale)!
                    addInternal(resolved, destination: destination, from: page.url, model: model, location: location, line: line)
                }
            } else if let scheme = Self.scheme(of: destination) {
                if let problem = Self.problem(with: destination, scheme: scheme) {
                    diagnostics.append(SiteError.malformedLink(destination: destination, problem: problem).diagnostic(at: location, sourceLine: line))
                }
            } else if !destination.hasPrefix("//") {
                for page in pages {
                    addInternal(destination, destination: destination, from: page.url, model: model, location: location, line: line)
                }
            }
        }
    }

    /// Resolves a path or `#anchor` against the page that shows it, as a browser does.
    private mutating func addInternal(_ reference: String, destination: String, from pageURL: String, model: SiteModel, location: SourceLocation, line: String?) {
        guard let base = URL(string: "https://site.invalid" + pageURL), let url = URL(string: reference, relativeTo: base) else {
            diagnostics.append(SiteError.malformedLink(destination: destination, problem: .notAnAddress).diagnostic(at: location, sourceLine: line))
            return
        }
        var path = url.path(percentEncoded: false)
        if reference.hasPrefix("#") || reference.hasSuffix("/") || url.path(percentEncoded: true).hasSuffix("/") {
            if !path.hasSuffix("/") { path += "/" }
        }
        let basePath = model.urls.basePath
        guard path.hasPrefix(basePath) else {
            internalLinks.append(InternalLink(targetFile: path, anchor: url.fragment, destination: destination, location: location, sourceLine: line))
            return
        }
        internalLinks.append(InternalLink(
            targetFile: model.urls.filePath(for: path), anchor: url.fragment(percentEncoded: false), destination: destination,
            location: location, sourceLine: line))
    }

    /// After rendering: every internal link leads to a file of the built tree and, when it has
    /// an anchor, to an element with that `id` in it. `ids` maps each HTML file to its ids.
    func linkErrors(files: Set<String>, ids: [String: Set<String>]) -> [Diagnostic] {
        internalLinks.compactMap { link in
            var file = link.targetFile
            if !files.contains(file), files.contains(file + "/index.html") { file += "/index.html" }
            guard files.contains(file) else {
                return SiteError.brokenLink(destination: link.destination).diagnostic(at: link.location, sourceLine: link.sourceLine)
            }
            if let anchor = link.anchor, !anchor.isEmpty, ids[file]?.contains(anchor) != true {
                return SiteError.brokenAnchor(destination: link.destination, anchor: anchor).diagnostic(at: link.location, sourceLine: link.sourceLine)
            }
            return nil
        }
    }

    /// The files internal links point into with an anchor: the pages whose ids rendering keeps.
    var anchoredFiles: Set<String> {
        Set(internalLinks.filter { $0.anchor?.isEmpty == false }.flatMap { [$0.targetFile, $0.targetFile + "/index.html"] })
    }

    /// The scheme of an absolute URL (`https`, `mailto`), lowercased; nil for a path.
    static func scheme(of destination: String) -> String? {
        guard let colon = destination.firstIndex(of: ":") else { return nil }
        let scheme = destination[..<colon]
        guard let first = scheme.first, first.isASCII, first.isLetter,
              scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) })
        else { return nil }
        return scheme.lowercased()
    }

    /// What is wrong with an absolute URL, if anything.
    static func problem(with destination: String, scheme: String) -> SiteError.LinkProblem? {
        switch scheme {
        case "http", "https":
            let rest = destination.dropFirst(scheme.count + 1)
            guard rest.hasPrefix("//"), let host = rest.dropFirst(2).split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).first,
                  !host.isEmpty
            else { return .noHost }
            if destination.contains(where: { $0 == " " || $0.isNewline }) { return .whitespace }
            return nil
        case "mailto", "tel":
            return nil
        default:
            return .unknownScheme(scheme, suggestion: closestMatch(to: scheme, among: ["http", "https", "mailto", "tel"]))
        }
    }
}

/// The `id` attributes of an HTML page, for anchor checks (`id="…"`, as rolegen's templates
/// and cmark-gfm write them).
func htmlIDs(in bytes: UnsafeRawBufferPointer) -> Set<String> {
    var ids: Set<String> = []
    let marker = Array(#" id=""#.utf8)
    var index = 0
    while index + marker.count <= bytes.count {
        if bytes[index] == marker[0], bytes[index..<index + marker.count].elementsEqual(marker) {
            let start = index + marker.count
            var end = start
            while end < bytes.count, bytes[end] != UInt8(ascii: "\"") { end += 1 }
            ids.insert(String(decoding: bytes[start..<end], as: UTF8.self))
            index = end
        } else {
            index += 1
        }
    }
    return ids
}

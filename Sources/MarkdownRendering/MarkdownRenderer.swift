/// Renders GitHub-flavoured Markdown to HTML with cmark-gfm, the library GitHub itself uses, so
/// that prose written and previewed on GitHub comes out the same on the site.
///
/// A renderer is a small value (extension names, option flags, a heading offset): make one per
/// configuration and share it. It is `Sendable` and may be called from many tasks at once: the
/// one step of cmark-gfm that is not thread-safe runs behind a process-wide lock
/// (see `CmarkDocument`), everything else runs in parallel.
public struct MarkdownRenderer: Sendable {
    /// The syntax extensions attached to the parser, in cmark-gfm's canonical order.
    public let extensions: [Extension]
    /// The option flags given to the parser and the HTML renderer.
    public let options: Options
    /// How many levels headings move down: 1 turns `#` into `<h2>`. Levels stay within 1…6.
    public let headingOffset: Int
    /// `extensions` less `.autolink`, for texts it could find nothing in (`parsingSettings`).
    let extensionsWithoutAutolink: [Extension]
    /// Texts rendered lately, so that the same text on a role's page in each locale is parsed
    /// once (`RecentRenders`).
    let recent = RecentRenders()

    /// The renderer for site prose: every GFM extension on (table, strikethrough, autolink,
    /// tagfilter, tasklist, and footnotes). Table cell alignment is written as
    /// `style="text-align: …"`, because HTML5 made the `align` attribute obsolete and pages
    /// must pass the W3C checker.
    ///
    /// - Parameters:
    ///   - allowRawHTML: when false (the default) raw HTML in the Markdown is replaced by
    ///     `<!-- raw HTML omitted -->` and dangerous link targets (`javascript:`, `vbscript:`,
    ///     `file:`, most `data:`) are emptied. When true, both pass through as written
    ///     (cmark-gfm's `CMARK_OPT_UNSAFE`); the tagfilter extension still defuses `<script>`,
    ///     `<style>`, `<iframe>` and the other tags GitHub filters.
    ///   - headingOffset: shifts heading levels so that prose headings sit under the page's own
    ///     section headings (offset 1: `#` → `<h2>`). The result is clamped to `<h1>`…`<h6>`.
    public init(allowRawHTML: Bool = false, headingOffset: Int = 0) {
        var options: Options = [.footnotes, .tablePreferStyleAttributes]
        if allowRawHTML { options.insert(.unsafe) }
        self.init(extensions: Extension.allCases, options: options, headingOffset: headingOffset)
    }

    /// A renderer with exactly the given extensions and options, for the GFM conformance suites
    /// (whose files each assume their own set) and for callers that need less than everything.
    /// Duplicates are ignored and the extensions are attached in `Extension.allCases` order,
    /// so two renderers with the same set behave the same.
    public init(extensions: [Extension], options: Options, headingOffset: Int = 0) {
        self.extensions = Extension.allCases.filter(extensions.contains)
        extensionsWithoutAutolink = self.extensions.filter { $0 != .autolink }
        self.options = options
        self.headingOffset = headingOffset
    }

    /// The HTML for `markdown`. Never fails: every input is some Markdown. Embedded NUL
    /// characters become U+FFFD, as CommonMark requires.
    public func html(_ markdown: String) -> String {
        render(markdown) { _ in nil }
    }

    /// The HTML for `markdown`, each link's destination replaced by `rewrite(destination)` when
    /// that is not nil (a site resolves its own link forms, such as `role:slug`, this way).
    public func html(_ markdown: String, rewritingLinks rewrite: (String) -> String?) -> String {
        render(markdown, rewritingLinks: rewrite)
    }

    private func render(_ markdown: String, rewritingLinks rewrite: (String) -> String?) -> String {
        let document: CmarkDocument
        switch recent.take(markdown) {
        case .html(let html)?:
            return html
        case .document(let parsed)?:
            document = parsed
        case nil:
            let parsing = parsingSettings(for: markdown)
            document = CmarkDocument(parsing: markdown, extensions: parsing.extensions, options: parsing.options.rawValue)
            if headingOffset != 0 {
                document.shiftHeadings(by: headingOffset)
            }
        }
        var hasLinks = false
        document.rewriteLinks { destination in
            hasLinks = true
            return rewrite(destination)
        }
        let html = document.renderHTML()
        if hasLinks { recent.remember(markdown, document: document) } else { recent.remember(markdown, html: html) }
        return html
    }

    /// What a site checks in a Markdown text before it is published: its links and images (the
    /// destination as written) and its raw HTML, each with where it starts.
    ///
    /// Most prose has neither, and the page that shows it parses it again to render it: a text
    /// without a character that every link and every piece of raw HTML needs is not parsed here.
    public func inspect(_ markdown: String) -> MarkdownInspection {
        guard Self.mayHoldLinksOrHTML(markdown) else { return MarkdownInspection(links: [], rawHTML: []) }
        return parsedInspection(markdown)
    }

    /// `inspect` without the shortcut: the text is always parsed.
    func parsedInspection(_ markdown: String) -> MarkdownInspection {
        let parsing = parsingSettings(for: markdown)
        let document = CmarkDocument(parsing: markdown, extensions: parsing.extensions, options: parsing.options.rawValue)
        return MarkdownInspection(
            links: document.links().map { MarkdownInspection.Link(destination: $0.url, line: $0.line, byteColumn: $0.byteColumn) },
            rawHTML: document.rawHTML().map { MarkdownInspection.Position(line: $0.line, byteColumn: $0.byteColumn) })
    }
}

/// The links and the raw HTML of one Markdown text, in document order.
public struct MarkdownInspection: Sendable, Equatable {
    /// Where something starts: the 1-based line and the 1-based column in bytes of that line.
    public struct Position: Sendable, Equatable {
        public var line: Int
        public var byteColumn: Int
    }

    /// A link or an image.
    public struct Link: Sendable, Equatable {
        /// As written, unresolved (`role:devops-engineer`, `../x/`, `https://…`).
        public var destination: String
        public var line: Int
        public var byteColumn: Int
    }

    public var links: [Link]
    /// Raw HTML blocks and inline tags, which the renderer drops unless raw HTML is allowed.
    public var rawHTML: [Position]
}

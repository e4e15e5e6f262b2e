import CCmarkGFM

/// One Markdown text parsed by cmark-gfm: the parser (which owns the extension list the HTML
/// renderer needs) and the document tree. Frees both when it goes away.
///
/// `@unchecked Sendable`: a document with links is kept by `RecentRenders` between renders, and
/// the next render may run on another thread. Only block and inline parsing touch cmark-gfm's
/// global state (done in `init`, under `CmarkLibrary.inlineParsingLock`); a kept document is
/// taken out of the cache while it is rewritten and rendered, so one thread at a time uses it.
final class CmarkDocument: @unchecked Sendable {
    private let parser: OpaquePointer
    private let root: OpaquePointer
    private let options: Int32
    /// The links' destinations as the text writes them, in document order, once
    /// `rewriteLinks` has replaced them: a later rewrite starts from these, not from the
    /// destinations the last page was given.
    private var writtenDestinations: [String?]?

    init(parsing markdown: String, extensions: [MarkdownRenderer.Extension], options: Int32) {
        guard let parser = cmark_parser_new(options) else {
            preconditionFailure("cmark-gfm could not allocate a parser")
        }
        self.parser = parser
        self.options = options
        for syntaxExtension in extensions {
            cmark_parser_attach_syntax_extension(parser, CmarkLibrary.syntaxExtension(syntaxExtension))
        }
        // Bytes with an explicit length: an embedded NUL must not end the text early.
        var text = markdown
        text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                if let start = chars.baseAddress {
                    cmark_parser_feed(parser, start, chars.count)
                }
            }
        }
        // Assigned inside rather than returned: a C pointer is not `Sendable`, and the lock's
        // closure may only return values it could send to another thread.
        var finished: OpaquePointer?
        CmarkLibrary.inlineParsingLock.withLock { _ in finished = cmark_parser_finish(parser) }
        guard let finished else {
            // Only a parser that was already finished returns nil; this one is new.
            preconditionFailure("cmark-gfm returned no document")
        }
        root = finished
    }

    deinit {
        cmark_node_free(root)
        cmark_parser_free(parser)
    }

    /// Moves every heading `offset` levels down (up when negative), keeping it within 1…6.
    func shiftHeadings(by offset: Int) {
        let clampedOffset = min(max(offset, -5), 5)
        guard let iterator = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER,
                  let node = cmark_iter_get_node(iterator),
                  cmark_node_get_type(node) == CMARK_NODE_HEADING
            else { continue }
            let level = Int(cmark_node_get_heading_level(node)) + clampedOffset
            cmark_node_set_heading_level(node, Int32(min(max(level, 1), 6)))
        }
    }

    /// Calls `visit` with every node of `types` in document order.
    /// (`types` is one or two: looked for along the array, not hashed, once per node.)
    private func forEachNode(of types: [UInt32], _ visit: (OpaquePointer) -> Void) {
        guard let iterator = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator),
                  types.contains(cmark_node_get_type(node).rawValue)
            else { continue }
            visit(node)
        }
    }

    /// Every link and image with its destination and where it starts (1-based line, and
    /// column in bytes of that line).
    func links() -> [(url: String, line: Int, byteColumn: Int)] {
        var links: [(url: String, line: Int, byteColumn: Int)] = []
        forEachNode(of: [CMARK_NODE_LINK.rawValue, CMARK_NODE_IMAGE.rawValue]) { node in
            let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
            links.append((url, Int(cmark_node_get_start_line(node)), Int(cmark_node_get_start_column(node))))
        }
        return links
    }

    /// Where each piece of raw HTML (a block, or an inline tag other than a closing one: `<b>`
    /// and its `</b>` are one piece) starts.
    func rawHTML() -> [(line: Int, byteColumn: Int)] {
        var found: [(line: Int, byteColumn: Int)] = []
        forEachNode(of: [CMARK_NODE_HTML_BLOCK.rawValue, CMARK_NODE_HTML_INLINE.rawValue]) { node in
            let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
            if cmark_node_get_type(node) == CMARK_NODE_HTML_INLINE && literal.hasPrefix("</") { return }
            found.append((Int(cmark_node_get_start_line(node)), Int(cmark_node_get_start_column(node))))
        }
        return found
    }

    /// Replaces each link's destination as written by `rewrite(destination)` when that is not
    /// nil (and puts back the written one when it is, should an earlier rewrite have replaced it).
    func rewriteLinks(_ rewrite: (String) -> String?) {
        var written: [String?] = []
        var index = 0
        forEachNode(of: [CMARK_NODE_LINK.rawValue]) { node in
            let destination = writtenDestinations.map { $0[index] } ?? cmark_node_get_url(node).map { String(cString: $0) }
            index += 1
            written.append(destination)
            guard let destination else { return }
            if let replacement = rewrite(destination) {
                cmark_node_set_url(node, replacement)
            } else if writtenDestinations != nil {
                cmark_node_set_url(node, destination)
            }
        }
        writtenDestinations = written
    }

    /// The document as HTML. The parser's extension list goes to the renderer: without it
    /// cmark-gfm silently skips the tagfilter extension.
    func renderHTML() -> String {
        guard let html = cmark_render_html(root, options, cmark_parser_get_syntax_extensions(parser)) else {
            preconditionFailure("cmark-gfm could not allocate the HTML")
        }
        defer { CmarkLibrary.free(html) }
        return String(cString: html)
    }
}

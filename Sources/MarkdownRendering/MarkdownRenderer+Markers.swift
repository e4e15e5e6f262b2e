#if canImport(Glibc)
import Glibc
#endif

extension MarkdownRenderer {
    /// The characters a text holds that links, raw HTML and footnotes need: what decides
    /// whether a text is inspected at all (`mayHoldLinksOrHTML`) and what it is parsed with
    /// (`parsingSettings`).
    struct Markers: OptionSet {
        let rawValue: UInt8

        /// `[`: inline and reference links, images, footnote references and definitions,
        /// task-list items.
        static let bracket = Markers(rawValue: 1 << 0)
        /// `<`: autolinks in angle brackets, raw HTML.
        static let angleBracket = Markers(rawValue: 1 << 1)
        /// What the autolink extension starts from: `://` (URLs), `@` (e-mail addresses,
        /// `mailto:`, `xmpp:`) or `www.` (in any case, though cmark-gfm only links the lowercase
        /// form).
        static let bareLink = Markers(rawValue: 1 << 2)
    }

    /// Whether `markdown` has one of the characters that every link, image and piece of raw
    /// HTML starts with or holds, with any extension and option (`Markers`). A text without any
    /// of them has no link and no raw HTML.
    public static func mayHoldLinksOrHTML(_ markdown: String) -> Bool {
        !markers(in: markdown, stoppingAtFirst: true).isEmpty
    }

    /// The extensions and options `markdown` is parsed with: the renderer's own, less the
    /// autolink extension when the text holds nothing it could link, and less footnotes when it
    /// holds no `[`. Either would find nothing there, so the HTML is the same (a test holds
    /// every example of the GFM spec to that); attached, autolink costs a quarter of the
    /// parse, because it makes every `w` and `:` stop the inline parser's scan of the text, and
    /// footnotes another twentieth.
    func parsingSettings(for markdown: String) -> (extensions: [Extension], options: Options) {
        let found = Self.markers(in: markdown, stoppingAtFirst: false)
        var options = options
        if !found.contains(.bracket) { options.remove(.footnotes) }
        return (found.contains(.bareLink) ? extensions : extensionsWithoutAutolink, options)
    }

    /// The markers `markdown` holds; with `stoppingAtFirst`, only the first one found.
    ///
    /// Each byte is looked for with `memchr`, which passes over prose many bytes at a time:
    /// this runs over every Markdown text when it is loaded and checked, and again before it is
    /// parsed. A `:` or a `.` found (sentences end with one) is then looked at in place.
    static func markers(in markdown: String, stoppingAtFirst: Bool) -> Markers {
        var text = markdown
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return [] }
            var found: Markers = []
            if memchr(base, Int32(UInt8(ascii: "[")), bytes.count) != nil {
                found.insert(.bracket)
                if stoppingAtFirst { return found }
            }
            if memchr(base, Int32(UInt8(ascii: "<")), bytes.count) != nil {
                found.insert(.angleBracket)
                if stoppingAtFirst { return found }
            }
            if memchr(base, Int32(UInt8(ascii: "@")), bytes.count) != nil || holdsURLOrWWW(bytes) {
                found.insert(.bareLink)
            }
            return found
        }
    }

    /// Whether `bytes` hold `://` or `www.` (in any case).
    private static func holdsURLOrWWW(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        anyOffset(of: UInt8(ascii: ":"), in: bytes) { index in
            index + 2 < bytes.count && bytes[index + 1] == UInt8(ascii: "/") && bytes[index + 2] == UInt8(ascii: "/")
        } || anyOffset(of: UInt8(ascii: "."), in: bytes) { index in
            // `| 0x20` lowercases an ASCII letter, and maps no other byte onto `w`.
            index >= 3 && bytes[index - 3] | 0x20 == UInt8(ascii: "w") && bytes[index - 2] | 0x20 == UInt8(ascii: "w")
                && bytes[index - 1] | 0x20 == UInt8(ascii: "w")
        }
    }

    /// Whether `test` holds at one of the offsets of `byte` in `bytes` (tried in order).
    private static func anyOffset(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, where test: (Int) -> Bool) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        var start = 0
        while start < bytes.count, let found = memchr(base + start, Int32(byte), bytes.count - start) {
            let index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if test(index) { return true }
            start = index + 1
        }
        return false
    }
}

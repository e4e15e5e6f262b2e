import CCmarkGFM

extension MarkdownRenderer {
    /// The GFM syntax extensions cmark-gfm ships. Footnotes are not among them: in cmark-gfm
    /// they are a parse option (`Options.footnotes`).
    public enum Extension: String, Sendable, CaseIterable {
        /// Pipe tables.
        case table
        /// `~text~` and `~~text~~` → `<del>`.
        case strikethrough
        /// Bare `www.`, `http(s)://` and e-mail addresses become links.
        case autolink
        /// Defuses `<script>`, `<style>`, `<iframe>`, `<textarea>` and the other tags GitHub
        /// filters (their `<` becomes `&lt;`). Only matters when raw HTML is allowed.
        case tagfilter
        /// `- [ ]` and `- [x]` list items become disabled checkboxes.
        case tasklist
    }

    /// cmark-gfm's option flags that change what HTML comes out. Each is one `CMARK_OPT_…`
    /// constant, and `rawValue` is the flag word the C functions take.
    public struct Options: OptionSet, Sendable, Hashable {
        public let rawValue: Int32
        public init(rawValue: Int32) { self.rawValue = rawValue }

        /// Let raw HTML and dangerous URLs through (`CMARK_OPT_UNSAFE`).
        public static let unsafe = Options(rawValue: CMARK_OPT_UNSAFE)
        /// `[^label]` footnotes (`CMARK_OPT_FOOTNOTES`).
        public static let footnotes = Options(rawValue: CMARK_OPT_FOOTNOTES)
        /// Curly quotes, en and em dashes, ellipses (`CMARK_OPT_SMART`).
        public static let smart = Options(rawValue: CMARK_OPT_SMART)
        /// Code fence info after the language goes into a `data-meta` attribute
        /// (`CMARK_OPT_FULL_INFO_STRING`).
        public static let fullInfoString = Options(rawValue: CMARK_OPT_FULL_INFO_STRING)
        /// Table alignment as `style="text-align: …"` instead of `align=`
        /// (`CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES`).
        public static let tablePreferStyleAttributes = Options(rawValue: CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES)
        /// Only `~~two~~` tildes strike through (`CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE`).
        public static let strikethroughDoubleTilde = Options(rawValue: CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE)
        /// Soft line breaks render as `<br />` (`CMARK_OPT_HARDBREAKS`).
        public static let hardBreaks = Options(rawValue: CMARK_OPT_HARDBREAKS)
    }
}

/// One piece of a template source as the lexer cuts it: literal text, or one tag.
struct Token {
    enum Kind: Equatable {
        case text
        /// `{{name}}` (escaped) or `{{{name}}}` / `{{&name}}` (not escaped).
        case variable(escaped: Bool)
        /// `{{#name}}`
        case section
        /// `{{^name}}`
        case invertedSection
        /// `{{/name}}`
        case close
        /// `{{! anything }}`
        case comment
        /// `{{>name}}` or `{{>*name}}`
        case partial
        /// `{{<name}}` or `{{<*name}}`
        case parent
        /// `{{$name}}`
        case block
        /// `{{=<% %>=}}`
        case setDelimiters

        /// Tags that open a section closed by `{{/name}}`.
        var opensSection: Bool { self == .section || self == .invertedSection || self == .parent || self == .block }

        /// Tags that never print anything themselves, so a line holding only one of them (and
        /// spaces) disappears from the output: the spec's "standalone" lines.
        var canStandAlone: Bool { self != .text && self != .variable(escaped: true) && self != .variable(escaped: false) }
    }

    var kind: Kind
    /// Byte range of the whole tag, delimiters included (or of the text).
    var start: Int
    var end: Int
    /// The tag's name, trimmed; for dynamic names (`{{>*name}}`) without the asterisk. For a
    /// closing tag, what must match the opening tag's `sectionKey`.
    var name: String = ""
    /// `{{>*name}}` and `{{<*name}}`: the template's name is looked up in the data.
    var isDynamic = false

    /// What the matching `{{/…}}` tag must say: the name, with its asterisk when dynamic.
    var sectionKey: String { isDynamic ? "*" + name : name }
}

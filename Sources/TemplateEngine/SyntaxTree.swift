/// A parsed template: the tree the compiler turns into a program. Whitespace decisions (which
/// lines are standalone, where indentation goes) are already made; text is byte ranges into the
/// template's source.
indirect enum Node {
    /// Literal text, cut where a source line starts so that an indented partial can put its
    /// indentation there.
    case text([TextPiece])
    /// A source line starts here, right before a tag.
    case lineStart
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{&name}}`.
    case variable(NameUse, escaped: Bool)
    /// `{{#name}}…{{/name}}` or, inverted, `{{^name}}…{{/name}}`.
    case section(NameUse, inverted: Bool, body: [Node])
    /// `{{>name}}`; `indentation` is nil unless the tag stands alone on its line.
    case partial(TemplateUse, indentation: [UInt8]?)
    /// `{{<name}}…{{/name}}` with the blocks it overrides.
    case parent(TemplateUse, indentation: [UInt8]?, overrides: [BlockOverride])
    /// `{{$name}}default{{/name}}` outside a parent tag: a place a child template can fill.
    case block(BlockSite)
}

/// A run of literal text; when `startsLine`, a source line starts at its first byte.
struct TextPiece {
    var range: Range<Int>
    var startsLine: Bool
}

/// A name looked up in the data, and where the tag using it starts.
struct NameUse {
    var name: String
    var offset: Int
}

/// A template named by a partial or parent tag.
struct TemplateUse {
    var name: String
    /// `{{>*name}}`: `name` is looked up in the data to find the template's name.
    var isDynamic: Bool
    var offset: Int
    var isParent: Bool
}

/// `{{$name}}…{{/name}}` directly inside a parent tag: replaces the parent's block `name`.
struct BlockOverride {
    var name: String
    var body: [Node]
    /// Whether the override's first line is a whole line, which gets the indentation of the
    /// block it replaces when that block stands alone on its line.
    var startsLine: Bool
}

/// `{{$name}}default{{/name}}` where a template can be extended.
struct BlockSite {
    var name: String
    /// Where the block tag starts, for errors.
    var offset: Int
    var defaultBody: [Node]
    /// The opening tag stands alone on its line (so an override starts a line of its own).
    var isStandalone: Bool
    /// The indentation an override's lines get: where the default content sits.
    var indentation: [UInt8]
}

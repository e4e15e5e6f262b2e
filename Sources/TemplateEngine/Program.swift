/// A compiled template set: flat, immutable tables that the renderer walks. Everything that can
/// be decided without the data is decided here: names are split into keys, partials and parents
/// are template indices, standalone lines are gone, and the places where an indented partial's
/// indentation goes are offsets into the text.
final class Program: Sendable {
    /// All templates' instructions, one after the other. A template or a section body is a range
    /// of it.
    let ops: [Op]
    /// The literal text of all templates.
    let text: [UInt8]
    let chunks: [TextChunk]
    /// Offsets, within a chunk, where a source line starts (see `TextChunk.lineStarts`).
    let lineStartOffsets: [Int]
    let names: [CompiledName]
    /// The keys of every dotted name, each name owning a range.
    let keys: [String]
    let calls: [TemplateCall]
    let overrides: [CompiledOverride]
    let sites: [CompiledSite]
    /// Indentations of standalone partials and blocks.
    let indentations: [[UInt8]]
    let templates: [CompiledTemplate]
    let templateIndex: [String: Int]
    let isStrict: Bool

    init(builder: ProgramBuilder, templates: [CompiledTemplate], isStrict: Bool) {
        ops = builder.ops
        text = builder.text
        chunks = builder.chunks
        lineStartOffsets = builder.lineStartOffsets
        names = builder.names
        keys = builder.keys
        calls = builder.calls
        overrides = builder.overrides
        sites = builder.sites
        indentations = builder.indentations
        self.templates = templates
        templateIndex = Dictionary(uniqueKeysWithValues: templates.enumerated().map { ($1.name, $0) })
        self.isStrict = isStrict
    }
}

/// One instruction. Payloads are indices into the program's tables, so an `Op` is a few plain
/// integers and walking the program costs no reference counting.
enum Op {
    /// Write `chunks[chunk]`.
    case text(chunk: Int)
    /// Write the names's value (`names[name]`), HTML-escaped or not.
    case variable(name: Int, escaped: Bool)
    /// `{{#name}}`: the body is the ops after this one, up to `end`.
    case section(name: Int, end: Int)
    /// `{{^name}}`: the body is the ops after this one, up to `end`.
    case invertedSection(name: Int, end: Int)
    /// `{{>name}}` or `{{<name}}…{{/name}}` with a known template.
    case call(template: Int, call: Int)
    /// `{{>*name}}` or `{{<*name}}`: the template's name is the value of `names[name]`.
    case dynamicCall(name: Int, call: Int)
    /// `{{$name}}`: the default content is the ops after this one, up to `end`.
    case block(site: Int, end: Int)
}

/// A run of literal text, and where source lines start in it: an indented partial writes its
/// indentation at those offsets (an offset may equal the length: a line that starts with a tag).
struct TextChunk {
    let bytes: Range<Int>
    let lineStarts: Range<Int>
}

/// A dotted name, split once.
struct CompiledName {
    /// Range of `Program.keys`; empty for the implicit iterator `.`.
    let keys: Range<Int>
    /// As written, for errors and suggestions.
    let written: String
    let template: Int
    let offset: Int
}

/// A partial or parent tag.
struct TemplateCall {
    /// Index into `Program.indentations` for a standalone tag; nil when the tag is inline (the
    /// template's lines then get no indentation).
    let indentation: Int?
    /// The blocks a parent tag overrides (a range of `Program.overrides`); empty for a partial.
    let overrides: Range<Int>
    let isParent: Bool
    /// Where the tag is, for errors.
    let template: Int
    let offset: Int
}

/// `{{$name}}…{{/name}}` inside a parent tag.
struct CompiledOverride {
    let block: Int
    let body: Range<Int>
    let startsLine: Bool
}

/// `{{$name}}…{{/name}}` outside a parent tag.
struct CompiledSite {
    let block: Int
    let indentation: Int
    let isStandalone: Bool
}

struct CompiledTemplate: Sendable {
    let name: String
    let source: SourceText
    let entry: Range<Int>
}

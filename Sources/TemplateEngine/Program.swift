/// A compiled template set: flat, immutable tables that the renderer walks. Everything that can
/// be decided without the data is decided here: names are split into keys, partials and parents
/// are template indices, standalone lines are gone, and the places where an indented partial's
/// indentation goes are offsets into the text.
///
/// The tables every render reads are copied, at compile time, into memory the program owns and
/// frees, and read through plain pointers: reading an array that a class holds costs a
/// reference-count increment and decrement each time, which was most of the rendering time.
/// Nothing writes to them after `init`, which is why sharing the program between tasks is safe
/// (`@unchecked Sendable`).
final class Program: @unchecked Sendable {
    /// All templates' instructions, one after the other. A template or a section body is a range
    /// of it.
    let ops: UnsafeBufferPointer<Op>
    /// The literal text of all templates.
    let text: UnsafeBufferPointer<UInt8>
    let chunks: UnsafeBufferPointer<TextChunk>
    /// Offsets, within a chunk, where a source line starts (see `TextChunk.lineStarts`).
    let lineStartOffsets: UnsafeBufferPointer<Int>
    let names: UnsafeBufferPointer<CompiledName>
    /// The keys of every dotted name, each name owning a range.
    let keys: UnsafeBufferPointer<String>
    /// `TemplateObject.fingerprint` of each key, so that a lookup hashes nothing.
    let keyFingerprints: UnsafeBufferPointer<UInt64>
    let calls: UnsafeBufferPointer<TemplateCall>
    let overrides: UnsafeBufferPointer<CompiledOverride>
    let sites: UnsafeBufferPointer<CompiledSite>
    /// Indentations of standalone partials and blocks.
    let indentations: [[UInt8]]
    /// Each name as written, for errors (by name index).
    let writtenNames: [String]
    let templates: [CompiledTemplate]
    /// Each template's name's `TemplateObject.fingerprint`, by template index: a page names
    /// its section partials by value (`{{> *template}}`), a dozen lookups a page, and comparing
    /// integers along a short list is cheaper than hashing each name.
    private let templateFingerprints: [UInt64]
    let isStrict: Bool

    init(builder: ProgramBuilder, templates: [CompiledTemplate], isStrict: Bool) {
        ops = frozen(builder.ops)
        text = frozen(builder.text)
        chunks = frozen(builder.chunks)
        lineStartOffsets = frozen(builder.lineStartOffsets)
        names = frozen(builder.names)
        keys = frozen(builder.keys)
        keyFingerprints = frozen(builder.keys.map(TemplateObject.fingerprint))
        calls = frozen(builder.calls)
        overrides = frozen(builder.overrides)
        sites = frozen(builder.sites)
        indentations = builder.indentations
        writtenNames = builder.writtenNames
        self.templates = templates
        templateFingerprints = templates.map { TemplateObject.fingerprint($0.name) }
        self.isStrict = isStrict
    }

    deinit {
        UnsafeMutableBufferPointer(mutating: keys).deinitialize()
        for table in [UnsafeRawPointer(ops.baseAddress), UnsafeRawPointer(text.baseAddress), UnsafeRawPointer(chunks.baseAddress),
                      UnsafeRawPointer(lineStartOffsets.baseAddress), UnsafeRawPointer(names.baseAddress), UnsafeRawPointer(keys.baseAddress), UnsafeRawPointer(keyFingerprints.baseAddress),
                      UnsafeRawPointer(calls.baseAddress), UnsafeRawPointer(overrides.baseAddress), UnsafeRawPointer(sites.baseAddress)] {
            table?.deallocate()
        }
    }

    /// The index of the template called `name`, if there is one.
    func template(named name: String) -> Int? {
        let fingerprint = TemplateObject.fingerprint(name)
        return templateFingerprints.withUnsafeBufferPointer { fingerprints in
            fingerprints.indices.first { fingerprints[$0] == fingerprint && templates[$0].name == name }
        }
    }
}

/// A copy of `array` in memory of its own, which the program frees in `deinit`.
private func frozen<Element>(_ array: [Element]) -> UnsafeBufferPointer<Element> {
    let copy = UnsafeMutableBufferPointer<Element>.allocate(capacity: array.count)
    _ = copy.initialize(from: array)
    return UnsafeBufferPointer(copy)
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
    /// Where the tag is, for errors.
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
    /// Where the block tag is, for errors.
    let template: Int
    let offset: Int
}

struct CompiledTemplate: Sendable {
    let name: String
    let source: SourceText
    let entry: Range<Int>
}

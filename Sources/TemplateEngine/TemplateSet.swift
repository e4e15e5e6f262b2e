/// A compiled, immutable set of templates addressed by name. Sendable; render from any task.
///
/// Compiling does all the work that does not depend on the data (parsing, whitespace, resolving
/// partials and parents, splitting names), once; rendering then only walks the compiled program.
public struct TemplateSet: Sendable {
    private let program: Program
    /// Every template's name, sorted.
    public let names: [String]
    /// Every variable, section, inverted-section and dynamic-template name used by any template,
    /// sorted by file, line and column.
    public let references: [TemplateReference]
    /// Each template's name → the templates it includes or extends by a fixed name, or nil when
    /// it also includes one named by the data (`{{>*name}}`), which can be any.
    private let includes: [String: [String]?]
    /// Each template's name → the name its file has in `references`.
    private let displayNames: [String: String]

    /// Compiles in-memory sources (name → source). In errors a file is shown as its name.
    public init(sources: [String: String], strict: Bool = true) throws(TemplateLoadError) {
        let files = sources.map { name, text in TemplateFile(name: name, displayName: name, bytes: Array(text.utf8)) }
        try self.init(files: files, strict: strict)
    }

    /// Compiles templates that are already read (by a caller that controls how files are
    /// read). Throws every mistake of every file.
    public init(files: [TemplateFile], strict: Bool = true) throws(TemplateLoadError) {
        let (templates, errors) = Self.compilingAll(files, strict: strict)
        guard errors.isEmpty else { throw TemplateLoadError(errors: errors) }
        self = templates
    }

    /// Compiles every template, even when some have mistakes, and returns the set with every
    /// mistake (sorted): a template with a syntax error is compiled as an empty template and a
    /// partial or parent tag naming no template renders nothing, so that the other templates
    /// can still be rendered and checked in the same run — and the broken one adds no errors
    /// that only repeat its syntax error.
    public static func compilingAll(_ files: [TemplateFile], strict: Bool = true) -> (templates: TemplateSet, errors: [TemplateError]) {
        let files = files.sorted { $0.name < $1.name }
        let names = files.map(\.name)
        let parsed = files.map { Parser.parse(name: $0.name, source: SourceText(displayName: $0.displayName, bytes: $0.bytes)) }
        var errors = parsed.flatMap(\.errors)
        if strict {
            errors += Self.unknownTemplateErrors(in: parsed, names: names)
        }
        let templates = TemplateSet(files: files, parsed: parsed, strict: strict)
        return (templates, TemplateLoadError(errors: errors).errors)
    }

    private init(files: [TemplateFile], parsed: [ParsedTemplate], strict: Bool) {
        var builder = ProgramBuilder(templates: files.map { ($0.name, $0.bytes) })
        var compiled: [CompiledTemplate] = []
        for (index, template) in parsed.enumerated() {
            let entry = builder.compileTemplate(template.nodes ?? [], template: index)
            compiled.append(CompiledTemplate(name: template.name, source: template.source, entry: entry))
        }
        builder.finish()
        program = Program(builder: builder, templates: compiled, isStrict: strict)
        names = files.map(\.name)
        includes = Dictionary(parsed.map { ($0.name, $0.usesDynamicTemplate ? nil : $0.templateUses.map(\.name) as [String]?) }) { first, _ in first }
        displayNames = Dictionary(parsed.map { ($0.name, $0.source.displayName) }) { first, _ in first }
        references = parsed.flatMap { template in
            template.references.map { use in
                let (line, column) = template.source.lineAndColumn(of: use.offset)
                let quote = template.source.quote(at: use.offset)
                return TemplateReference(name: use.name, file: template.source.displayName, line: line, column: column,
                                         sourceLine: quote.text, caretColumn: quote.caretColumn)
            }
        }.sorted { ($0.file, $0.line, $0.column, $0.name) < ($1.file, $1.line, $1.column, $1.name) }
    }

    /// The references of template `name` and of every template it includes or extends, directly
    /// or not: what data rendering `name` can read. Nil when one of them includes a template
    /// named by the data (`{{>*name}}`), which could read anything.
    public func references(reachableFrom name: String) -> [TemplateReference]? {
        var reached: Set<String> = []
        var pending = [name]
        while let next = pending.popLast() {
            guard reached.insert(next).inserted, let entry = includes[next] else { continue }
            guard let included = entry else { return nil }
            pending += included
        }
        let files = Set(reached.compactMap { displayNames[$0] })
        return references.filter { files.contains($0.file) }
    }

    /// Partial and parent tags naming no template (strict mode: in non-strict mode they render
    /// as nothing, as the spec says).
    private static func unknownTemplateErrors(in parsed: [ParsedTemplate], names: [String]) -> [TemplateError] {
        let known = Set(names)
        return parsed.flatMap { template in
            template.templateUses.filter { !known.contains($0.name) }.map { use in
                let suggestion = closestMatch(to: use.name, among: names)
                let kind: TemplateError.Kind = use.isParent ? .unknownParent(use.name, suggestion: suggestion) : .unknownPartial(use.name, suggestion: suggestion)
                return template.source.error(kind, at: use.offset)
            }
        }
    }

    /// Renders template `name` with `data` as the root of the context stack.
    public func render(_ name: String, _ data: TemplateValue) throws(TemplateError) -> String {
        String(decoding: try renderBytes(name, data), as: UTF8.self)
    }

    /// Renders template `name` into UTF-8 bytes, ready to be written to a file.
    public func renderBytes(_ name: String, _ data: TemplateValue) throws(TemplateError) -> [UInt8] {
        try rendered(name, data, collectingErrors: false).finish().bytes
    }

    /// Renders template `name` to the end even when the data does not fit it (strict mode), and
    /// returns every mistake met — in every template it includes — rather than the first: a
    /// missing value renders as nothing and a section over it is skipped. The bytes are only
    /// meaningful when there is no error. Throws only what ends a render (an unknown template,
    /// partials nested too deep).
    public func renderCollectingErrors(_ name: String, _ data: TemplateValue) throws(TemplateError) -> (bytes: [UInt8], errors: [TemplateError]) {
        try rendered(name, data, collectingErrors: true).finish()
    }

    /// `renderCollectingErrors`, with the bytes left where the renderer wrote them, for a
    /// caller that only passes them on (to a file) and needs no array of its own.
    public func renderInPlace(_ name: String, _ data: TemplateValue) throws(TemplateError) -> RenderedBytes {
        try rendered(name, data, collectingErrors: true).finishInPlace()
    }

    /// A renderer that has rendered template `name` with `data` as the root of the context stack.
    private func rendered(_ name: String, _ data: TemplateValue, collectingErrors: Bool) throws(TemplateError) -> Renderer {
        guard let index = program.template(named: name) else {
            throw TemplateError(kind: .unknownTemplate(name, suggestion: closestMatch(to: name, among: names)), file: "", line: 0, column: 0, sourceLine: "")
        }
        var renderer = Renderer(program: program, data: data, collectsErrors: collectingErrors)
        try renderer.run(program.templates[index].entry)
        return renderer
    }
}

/// A template's source before parsing.
public struct TemplateFile: Sendable {
    /// What partial and parent tags call it.
    public let name: String
    /// How errors show its file.
    public let displayName: String
    public let bytes: [UInt8]

    public init(name: String, displayName: String, bytes: [UInt8]) {
        self.name = name
        self.displayName = displayName
        self.bytes = bytes
    }
}

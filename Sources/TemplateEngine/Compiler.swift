/// Syntax trees → one `Program`. Runs only when every template parsed and every partial and
/// parent name checked out (in strict mode), so it reports nothing.
struct ProgramBuilder {
    private(set) var ops: [Op] = []
    private(set) var text: [UInt8] = []
    private(set) var chunks: [TextChunk] = []
    private(set) var lineStartOffsets: [Int] = []
    private(set) var names: [CompiledName] = []
    private(set) var writtenNames: [String] = []
    private(set) var keys: [String] = []
    private(set) var calls: [TemplateCall] = []
    private(set) var overrides: [CompiledOverride] = []
    private(set) var sites: [CompiledSite] = []
    private(set) var indentations: [[UInt8]] = [[]]

    private let templateIndex: [String: Int]
    /// Each template's bytes, by index: text pieces are ranges of them.
    private let sources: [[UInt8]]
    private var blockIndex: [String: Int] = [:]
    private var indentationIndex: [[UInt8]: Int] = [[]: 0]
    /// Text being gathered into one chunk: consecutive text and line starts become one write.
    private var pendingText: [UInt8] = []
    private var pendingLineStarts: [Int] = []
    private var hasPendingText = false
    /// Override bodies are compiled after the template that defines them (each needs a range of
    /// its own), in this queue.
    private var pendingOverrides: [(index: Int, body: [Node], template: Int)] = []
    private var overrideBodies: [Int: Range<Int>] = [:]

    /// `templates` in index order: the name each is called by, and its bytes.
    init(templates: [(name: String, bytes: [UInt8])]) {
        templateIndex = Dictionary(uniqueKeysWithValues: templates.enumerated().map { ($1.name, $0) })
        sources = templates.map(\.bytes)
    }

    /// Compiles the nodes of template `template` and returns its entry range.
    mutating func compileTemplate(_ nodes: [Node], template: Int) -> Range<Int> {
        let entry = compile(nodes, template: template)
        while !pendingOverrides.isEmpty {
            let (index, body, owner) = pendingOverrides.removeFirst()
            overrideBodies[index] = compile(body, template: owner)
        }
        return entry
    }

    /// The overrides with their body ranges filled in; call when every template is compiled.
    mutating func finish() {
        overrides = overrides.enumerated().map { index, override in
            CompiledOverride(block: override.block, body: overrideBodies[index] ?? 0..<0, startsLine: override.startsLine)
        }
    }

    private mutating func compile(_ nodes: [Node], template: Int) -> Range<Int> {
        let start = ops.count
        for node in nodes {
            emit(node, template: template)
        }
        flushText()
        return start..<ops.count
    }

    private mutating func emit(_ node: Node, template: Int) {
        switch node {
        case .text(let pieces):
            for piece in pieces {
                if piece.startsLine { pendingLineStarts.append(pendingText.count) }
                pendingText.append(contentsOf: sources[template][piece.range])
            }
            hasPendingText = true
        case .lineStart:
            pendingLineStarts.append(pendingText.count)
            hasPendingText = true
        case .variable(let use, let escaped):
            append(.variable(name: name(use, template: template), escaped: escaped))
        case .section(let use, let inverted, let body):
            let name = name(use, template: template)
            let at = append(.text(chunk: -1))
            let end = compile(body, template: template).upperBound
            ops[at] = inverted ? .invertedSection(name: name, end: end) : .section(name: name, end: end)
        case .partial(let use, let indentation):
            emitCall(use, indentation: indentation, overrides: [], template: template)
        case .parent(let use, let indentation, let blockOverrides):
            emitCall(use, indentation: indentation, overrides: blockOverrides, template: template)
        case .block(let site):
            sites.append(CompiledSite(block: block(site.name), indentation: indentation(site.indentation), isStandalone: site.isStandalone, template: template, offset: site.offset))
            let at = append(.text(chunk: -1))
            let end = compile(site.defaultBody, template: template).upperBound
            ops[at] = .block(site: sites.count - 1, end: end)
        }
    }

    private mutating func emitCall(_ use: TemplateUse, indentation: [UInt8]?, overrides blockOverrides: [BlockOverride], template: Int) {
        let first = overrides.count
        for override in blockOverrides {
            pendingOverrides.append((overrides.count, override.body, template))
            overrides.append(CompiledOverride(block: block(override.name), body: 0..<0, startsLine: override.startsLine))
        }
        calls.append(TemplateCall(
            indentation: indentation.map { self.indentation($0) },
            overrides: first..<overrides.count,
            isParent: use.isParent,
            template: template,
            offset: use.offset
        ))
        if use.isDynamic {
            append(.dynamicCall(name: name(NameUse(name: use.name, offset: use.offset), template: template), call: calls.count - 1))
        } else if let target = templateIndex[use.name] {
            append(.call(template: target, call: calls.count - 1))
        }
        // Otherwise (non-strict mode only) the template does not exist and renders as nothing.
    }

    @discardableResult
    private mutating func append(_ op: Op) -> Int {
        flushText()
        ops.append(op)
        return ops.count - 1
    }

    private mutating func flushText() {
        guard hasPendingText else { return }
        let start = text.count
        text.append(contentsOf: pendingText)
        let lineStarts = lineStartOffsets.count..<lineStartOffsets.count + pendingLineStarts.count
        lineStartOffsets.append(contentsOf: pendingLineStarts)
        chunks.append(TextChunk(bytes: start..<text.count, lineStarts: lineStarts))
        ops.append(.text(chunk: chunks.count - 1))
        pendingText.removeAll(keepingCapacity: true)
        pendingLineStarts.removeAll(keepingCapacity: true)
        hasPendingText = false
    }

    private mutating func name(_ use: NameUse, template: Int) -> Int {
        let first = keys.count
        if use.name != "." {
            keys.append(contentsOf: use.name.split(separator: ".", omittingEmptySubsequences: false).map(String.init))
        }
        names.append(CompiledName(keys: first..<keys.count, template: template, offset: use.offset))
        writtenNames.append(use.name)
        return names.count - 1
    }

    private mutating func block(_ name: String) -> Int {
        if let index = blockIndex[name] { return index }
        blockIndex[name] = blockIndex.count
        return blockIndex.count - 1
    }

    private mutating func indentation(_ bytes: [UInt8]) -> Int {
        if let index = indentationIndex[bytes] { return index }
        indentations.append(bytes)
        indentationIndex[bytes] = indentations.count - 1
        return indentations.count - 1
    }
}

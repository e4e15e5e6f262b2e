/// Walks a `Program` with one data value and writes the output bytes. One renderer per render
/// call: it holds the only mutable state (output, context stack, indentation, the parents being
/// rendered), so any number of renders can run at once on the same program.
struct Renderer: ~Copyable {
    /// How deep partials and parents may nest: enough for any real template, and it turns a
    /// template that includes itself forever into an error instead of a crash.
    static let maximumDepth = 100
    /// How deep sections, blocks and partials may nest while rendering, all counted together:
    /// each template nests at most `SectionMatching.maximumNesting` deep and partials at most
    /// `maximumDepth`, but the two multiply; this keeps the recursion (one call per level) well
    /// within a thread's stack.
    static let maximumNesting = 1_000

    private let program: Program
    private var output = OutputBytes(capacity: 32 * 1024)
    /// The context stack: the data, then each section's value.
    private var stack: [TemplateValue]
    /// Written where a source line starts, while rendering a standalone partial or a block.
    private var indentation: [UInt8] = []
    /// The parent tags being rendered (indices into `program.calls`), outermost first: where
    /// block overrides are looked up.
    private var parents: [Int] = []
    /// Blocks whose override is being rendered: the same block inside its own override shows its
    /// default content instead of the override again (which would never end).
    private var blocksBeingOverridden: [Int] = []
    private var depth = 0
    /// Sections, blocks and partials being rendered, one inside the other.
    private var nesting = 0
    /// When true, a data error (strict mode) is recorded in `errors` and rendering goes on as
    /// if the value were missing, so one render finds every mistake; when false the first one
    /// is thrown.
    private let collectsErrors: Bool
    /// The data errors met so far, when `collectsErrors`.
    private(set) var errors: [TemplateError] = []

    init(program: Program, data: TemplateValue, collectsErrors: Bool = false) {
        self.program = program
        self.collectsErrors = collectsErrors
        stack = [data]
    }

    /// The bytes written and the errors collected, once the render is done.
    consuming func finish() -> (bytes: [UInt8], errors: [TemplateError]) {
        (output.bytes(), errors)
    }

    /// The bytes written, left in the renderer's buffer, and the errors collected.
    consuming func finishInPlace() -> RenderedBytes {
        RenderedBytes(output: output, errors: errors)
    }

    /// Throws `error`, or records it when collecting errors.
    private mutating func fail(_ error: TemplateError) throws(TemplateError) {
        guard collectsErrors else { throw error }
        errors.append(error)
    }

    mutating func run(_ range: Range<Int>) throws(TemplateError) {
        var pc = range.lowerBound
        while pc < range.upperBound {
            switch program.ops[pc] {
            case .text(let chunk):
                writeText(program.chunks[chunk])
            case .variable(let name, let escaped):
                try write(resolve(name), name: name, escaped: escaped)
            case .section(let name, let end):
                let value = try resolve(name)
                try enter(program.names[name].template, at: program.names[name].offset)
                defer { nesting -= 1 }
                switch value {
                case .array(let items):
                    for item in items {
                        stack.append(item)
                        try run(pc + 1..<end)
                        stack.removeLast()
                    }
                case .null, .bool(false):
                    break
                default:
                    stack.append(value)
                    try run(pc + 1..<end)
                    stack.removeLast()
                }
                pc = end - 1
            case .invertedSection(let name, let end):
                if try !resolve(name).isTruthy {
                    try enter(program.names[name].template, at: program.names[name].offset)
                    defer { nesting -= 1 }
                    try run(pc + 1..<end)
                }
                pc = end - 1
            case .call(let template, let call):
                try render(template: template, call: call)
            case .dynamicCall(let name, let call):
                if let template = try dynamicTemplate(name: name, call: call) {
                    try render(template: template, call: call)
                }
            case .block(let siteIndex, let end):
                let site = program.sites[siteIndex]
                try enter(site.template, at: site.offset)
                defer { nesting -= 1 }
                try renderBlock(site, defaultBody: pc + 1..<end)
                pc = end - 1
            }
            pc += 1
        }
    }

    /// One level deeper, or an error at the tag (`offset` in `template`) that would go deeper
    /// than `maximumNesting`.
    private mutating func enter(_ template: Int, at offset: Int) throws(TemplateError) {
        guard nesting < Self.maximumNesting else {
            throw program.templates[template].source.error(.renderingTooDeep(limit: Self.maximumNesting), at: offset)
        }
        nesting += 1
    }

    // MARK: Text and values

    private mutating func writeText(_ chunk: TextChunk) {
        let text = program.text
        if indentation.isEmpty || chunk.lineStarts.isEmpty {
            output.append(UnsafeBufferPointer(rebasing: text[chunk.bytes]))
            return
        }
        var start = chunk.bytes.lowerBound
        for offset in program.lineStartOffsets[chunk.lineStarts] {
            output.append(UnsafeBufferPointer(rebasing: text[start..<chunk.bytes.lowerBound + offset]))
            output.append(indentation)
            start = chunk.bytes.lowerBound + offset
        }
        output.append(UnsafeBufferPointer(rebasing: text[start..<chunk.bytes.upperBound]))
    }

    private mutating func write(_ value: TemplateValue, name: Int, escaped: Bool) throws(TemplateError) {
        switch value {
        case .string(let string):
            if escaped { output.appendEscaped(string) } else { output.appendRaw(string) }
        case .int(let number):
            output.appendRaw(String(number))
        case .double(let number):
            output.appendRaw(number.description)
        case .bool(let flag):
            output.appendRaw(flag ? "true" : "false")
        case .null:
            break
        case .array, .object:
            if program.isStrict {
                try fail(error(.notInterpolatable(program.writtenNames[name], kind: value.kindDescription), name: name))
            }
        }
    }

    // MARK: Names

    /// The value of `names[name]` in the context stack (spec: the first frame holding the first
    /// key, then each further key in the value before it). A miss is `.null` in non-strict mode
    /// and an error in strict mode; a `null` along a dotted path is `null`.
    private mutating func resolve(_ name: Int) throws(TemplateError) -> TemplateValue {
        let keys = program.names[name].keys
        guard let firstKey = keys.first else { return stack[stack.count - 1] }
        let first = program.keys[firstKey]
        let firstFingerprint = program.keyFingerprints[firstKey]
        // The frames are looked at in place: read out of the array one by one, each frame was
        // copied, its reference counted up and down again (a page resolves a few thousand names).
        let found: TemplateValue? = stack.withUnsafeBufferPointer { frames in
            var frame = frames.count - 1
            while frame >= 0 {
                if case .object(let object) = frames[frame], let value = object.value(forKey: first, fingerprint: firstFingerprint) {
                    return value
                }
                frame -= 1
            }
            return nil
        }
        guard var value = found else { return try miss(name, at: firstKey, in: nil) }
        for keyIndex in keys.dropFirst() {
            switch value {
            case .object(let object):
                guard let next = object.value(forKey: program.keys[keyIndex], fingerprint: program.keyFingerprints[keyIndex]) else { return try miss(name, at: keyIndex, in: value) }
                value = next
            case .null:
                return .null
            default:
                guard program.isStrict else { return .null }
                let prefix = program.keys[keys.lowerBound..<keyIndex].joined(separator: ".")
                try fail(error(.notAnObject(program.writtenNames[name], prefix: prefix, kind: value.kindDescription), name: name))
                return .null
            }
        }
        return value
    }

    /// A key of `names[name]` found nothing: in strict mode an error suggesting the closest key
    /// that was visible (in `container`, or anywhere in the context stack for the first key).
    private mutating func miss(_ name: Int, at keyIndex: Int, in container: TemplateValue?) throws(TemplateError) -> TemplateValue {
        guard program.isStrict else { return .null }
        let keys = program.names[name].keys
        let written = program.writtenNames[name]
        var visible: [String] = []
        if case .object(let object)? = container {
            visible = object.keys
        } else {
            for case .object(let object) in stack { visible.append(contentsOf: object.keys) }
        }
        let prefix = program.keys[keys.lowerBound..<keyIndex].map { $0 + "." }.joined()
        let suggestion = closestMatch(to: program.keys[keyIndex], among: Set(visible)).map { prefix + $0 }
        try fail(error(.unknownName(written, suggestion: suggestion), name: name))
        return .null
    }

    private func error(_ kind: TemplateError.Kind, name: Int) -> TemplateError {
        let use = program.names[name]
        return program.templates[use.template].source.error(kind, at: use.offset)
    }

    // MARK: Partials, parents and blocks

    private mutating func render(template: Int, call callIndex: Int) throws(TemplateError) {
        let call = program.calls[callIndex]
        guard depth < Self.maximumDepth else {
            throw program.templates[call.template].source.error(.recursionTooDeep(program.templates[template].name, limit: Self.maximumDepth), at: call.offset)
        }
        try enter(call.template, at: call.offset)
        defer { nesting -= 1 }
        let savedIndentation = indentation
        if let extra = call.indentation {
            indentation.append(contentsOf: program.indentations[extra])
        } else {
            indentation = []
        }
        depth += 1
        if call.isParent { parents.append(callIndex) }
        try run(program.templates[template].entry)
        if call.isParent { parents.removeLast() }
        depth -= 1
        indentation = savedIndentation
    }

    /// The template a dynamic name designates, or nil (non-strict mode) when there is none.
    private mutating func dynamicTemplate(name: Int, call: Int) throws(TemplateError) -> Int? {
        let value = try resolve(name)
        guard case .string(let templateName) = value else {
            if program.isStrict, value != .null {
                try fail(error(.dynamicNameNotString(program.writtenNames[name], kind: value.kindDescription), name: name))
            }
            return nil
        }
        if let template = program.template(named: templateName) { return template }
        guard program.isStrict else { return nil }
        let suggestion = closestMatch(to: templateName, among: program.templates.map(\.name))
        let isParent = program.calls[call].isParent
        try fail(error(isParent ? .unknownParent(templateName, suggestion: suggestion) : .unknownPartial(templateName, suggestion: suggestion), name: name))
        return nil
    }

    /// A block renders the override from the outermost parent tag that has one (the page beats
    /// the layout it extends), else its default content. An override gets the block's
    /// indentation on each of its lines.
    private mutating func renderBlock(_ site: CompiledSite, defaultBody: Range<Int>) throws(TemplateError) {
        guard !blocksBeingOverridden.contains(site.block), let override = findOverride(of: site.block) else {
            try run(defaultBody)
            return
        }
        let savedIndentation = indentation
        indentation.append(contentsOf: program.indentations[site.indentation])
        if site.isStandalone, override.startsLine { output.append(indentation) }
        blocksBeingOverridden.append(site.block)
        try run(override.body)
        blocksBeingOverridden.removeLast()
        indentation = savedIndentation
    }

    private func findOverride(of block: Int) -> CompiledOverride? {
        for parent in parents {
            for index in program.calls[parent].overrides where program.overrides[index].block == block {
                return program.overrides[index]
            }
        }
        return nil
    }
}

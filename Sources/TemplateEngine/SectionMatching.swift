/// Pairs every opening tag (`#`, `^`, `$`, `<`) with its `{{/name}}` and reports what does not
/// pair up. Also decides which block tags are overrides (directly inside a parent tag) and
/// rejects other tags there, where they would silently mean nothing.
struct SectionMatching {
    /// How deep sections, inverted sections, blocks and parent tags may nest in one template.
    /// Far more than any page needs; it keeps the parser's and the renderer's recursion (which
    /// follows the nesting) far from the end of the stack, so a template nested 20,000 levels
    /// deep is an error instead of a crash.
    static let maximumNesting = 100

    /// For an opening or closing tag, the index of its partner.
    private(set) var partner: [Int?]
    /// Block tags directly inside a parent tag: overrides rather than extension points.
    private(set) var isOverride: [Bool]
    private(set) var errors: [TemplateError] = []

    init(tokens: [Token], source: SourceText) {
        partner = Array(repeating: nil, count: tokens.count)
        isOverride = Array(repeating: false, count: tokens.count)
        var open: [Int] = []
        for (index, token) in tokens.enumerated() {
            if let top = open.last, tokens[top].kind == .parent, token.kind != .close {
                switch token.kind {
                case .text, .comment, .setDelimiters: break
                case .block: isOverride[index] = true
                default:
                    let written = String(decoding: source.bytes[token.start..<token.end], as: UTF8.self)
                    errors.append(source.error(.tagInsideParent(tag: written, parent: tokens[top].sectionKey), at: token.start))
                }
            }
            if token.kind.opensSection {
                guard open.count < Self.maximumNesting else {
                    // What follows cannot be matched reliably, and each still-open section
                    // would only repeat this error: stop here.
                    errors.append(source.error(.nestingTooDeep(limit: Self.maximumNesting), at: token.start))
                    return
                }
                open.append(index)
            } else if token.kind == .close {
                close(index, tokens: tokens, open: &open, source: source)
            }
        }
        for index in open {
            errors.append(source.error(.unclosedSection(tokens[index].sectionKey), at: tokens[index].start))
        }
    }

    /// A closing tag that matches an outer section rather than the innermost one closes that
    /// outer section too, and one that matches no open section is taken as a misspelt close of
    /// the innermost one: either way one error, so one typo does not cascade into many.
    private mutating func close(_ index: Int, tokens: [Token], open: inout [Int], source: SourceText) {
        let name = tokens[index].name
        guard let top = open.last else {
            errors.append(source.error(.unexpectedSectionClose(name), at: tokens[index].start))
            return
        }
        if tokens[top].sectionKey != name {
            errors.append(source.error(.mismatchedSectionClose(expected: tokens[top].sectionKey, found: name), at: tokens[index].start))
        }
        let match = open.lastIndex { tokens[$0].sectionKey == name } ?? open.count - 1
        partner[open[match]] = index
        partner[index] = open[match]
        open.removeSubrange(match...)
    }
}

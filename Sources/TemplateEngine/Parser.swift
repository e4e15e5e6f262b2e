/// One template, parsed: its tree plus what it refers to (for load-time checks and for
/// `TemplateSet.references`).
struct ParsedTemplate {
    let name: String
    let source: SourceText
    /// Nil when the template has syntax errors.
    let nodes: [Node]?
    /// Every name looked up in the data: variables, sections, dynamic template names.
    let references: [NameUse]
    /// Every partial and parent tag with a fixed name.
    let templateUses: [TemplateUse]
    /// Whether a partial or parent tag takes its template's name from the data (`{{>*name}}`).
    let usesDynamicTemplate: Bool
    let errors: [TemplateError]
}

/// Source text → syntax tree, in four passes: lexing, section matching, whitespace
/// (standalone lines), tree building. Syntax errors from all passes that could run are returned
/// together; the tree is built only for a template without errors.
enum Parser {
    static func parse(name: String, source: SourceText) -> ParsedTemplate {
        let (tokens, lexErrors) = Lexer.tokenize(source)
        let matching = SectionMatching(tokens: tokens, source: source)
        var errors = lexErrors + matching.errors
        if let bad = source.firstInvalidUTF8Offset() {
            errors.append(source.error(.invalidUTF8(byte: source.bytes[bad]), at: bad))
        }
        var nodes: [Node]?
        if errors.isEmpty {
            let lines = StandaloneLines(tokens: tokens, matching: matching, source: source)
            let builder = TreeBuilder(tokens: tokens, matching: matching, lines: lines, bytes: source.bytes)
            nodes = builder.nodes(0, tokens.count, dedent: [])
        }
        var references: [NameUse] = []
        var templateUses: [TemplateUse] = []
        var usesDynamicTemplate = false
        for token in tokens {
            switch token.kind {
            case .variable, .section, .invertedSection:
                references.append(NameUse(name: token.name, offset: token.start))
            case .partial, .parent:
                if token.isDynamic {
                    usesDynamicTemplate = true
                    references.append(NameUse(name: token.name, offset: token.start))
                } else {
                    templateUses.append(TemplateUse(name: token.name, isDynamic: false, offset: token.start, isParent: token.kind == .parent))
                }
            case .text, .close, .comment, .block, .setDelimiters:
                break
            }
        }
        return ParsedTemplate(name: name, source: source, nodes: nodes, references: references, templateUses: templateUses, usesDynamicTemplate: usesDynamicTemplate, errors: errors)
    }
}

/// Turns the matched, whitespace-decided tokens into the syntax tree.
///
/// It also re-indents override blocks: "block indentation is removed at the site of definition
/// and added at the site of expansion" (spec, inheritance). The lines of an override lose the
/// indentation of its first line here (`dedent`); the block it replaces adds its own when
/// rendering.
struct TreeBuilder {
    let tokens: [Token]
    let matching: SectionMatching
    let lines: StandaloneLines
    let bytes: [UInt8]

    /// The nodes of tokens `start..<end`; `end` is the closing tag of the enclosing section, or
    /// `tokens.count`. `dedent` is the indentation removed from the start of every line.
    func nodes(_ start: Int, _ end: Int, dedent: [UInt8]) -> [Node] {
        var nodes: [Node] = []
        var index = start
        while index < end {
            let token = tokens[index]
            if lines.tagStartsLine[index] { nodes.append(.lineStart) }
            let close = matching.partner[index] ?? index
            switch token.kind {
            case .text:
                let pieces = textPieces(of: index, dedent: dedent)
                if !pieces.isEmpty { nodes.append(.text(pieces)) }
            case .comment, .setDelimiters, .close:
                break
            case .variable(let escaped):
                nodes.append(.variable(NameUse(name: token.name, offset: token.start), escaped: escaped))
            case .section, .invertedSection:
                let body = self.nodes(index + 1, close, dedent: dedent)
                nodes.append(.section(NameUse(name: token.name, offset: token.start), inverted: token.kind == .invertedSection, body: body))
            case .partial:
                nodes.append(.partial(use(of: token), indentation: indentation(of: index, dedent: dedent)))
            case .parent:
                let overrides = overrideIndices(in: index + 1..<close).map { override($0, dedent: dedent) }
                nodes.append(.parent(use(of: token), indentation: indentation(of: index, dedent: dedent), overrides: overrides))
            case .block:
                let site = BlockSite(
                    name: token.name,
                    offset: token.start,
                    defaultBody: self.nodes(index + 1, close, dedent: dedent),
                    isStandalone: lines.indentation[index] != nil,
                    indentation: contentIndentation(of: index, startsLine: lines.indentation[index] != nil, dedent: dedent)
                )
                nodes.append(.block(site))
            }
            index = max(index, close) + 1
        }
        if end < tokens.count, lines.tagStartsLine[end] { nodes.append(.lineStart) }
        return nodes
    }

    /// The override blocks directly inside a parent tag (not those of parents nested in them).
    private func overrideIndices(in range: Range<Int>) -> [Int] {
        var indices: [Int] = []
        var index = range.lowerBound
        while index < range.upperBound {
            if matching.isOverride[index] { indices.append(index) }
            index = max(index, matching.partner[index] ?? index) + 1
        }
        return indices
    }

    private func use(of token: Token) -> TemplateUse {
        TemplateUse(name: token.name, isDynamic: token.isDynamic, offset: token.start, isParent: token.kind == .parent)
    }

    private func override(_ index: Int, dedent: [UInt8]) -> BlockOverride {
        let startsLine = lines.startsLine[index]
        let ownIndentation = contentIndentation(of: index, startsLine: startsLine, dedent: dedent)
        var body = nodes(index + 1, matching.partner[index] ?? index, dedent: dedent + ownIndentation)
        // The first line's indentation comes from the block being replaced, when that block
        // stands alone; so the override does not mark that line itself.
        var firstLineIsWhole = !startsLine
        if startsLine, let first = body.first {
            switch first {
            case .lineStart:
                body.removeFirst()
                firstLineIsWhole = true
            case .text(var pieces) where pieces[0].startsLine:
                pieces[0].startsLine = false
                body[0] = .text(pieces)
                firstLineIsWhole = true
            default:
                break
            }
        }
        return BlockOverride(name: tokens[index].name, body: body, startsLine: firstLineIsWhole)
    }

    /// A standalone tag's indentation (the spaces before it), less the dedent.
    private func indentation(of index: Int, dedent: [UInt8]) -> [UInt8]? {
        lines.indentation[index].map { removingPrefix(dedent, from: $0) }
    }

    /// The indentation of a block's content: that of its first line when the content starts on a
    /// line of its own, otherwise that of the line holding the tag.
    private func contentIndentation(of index: Int, startsLine: Bool, dedent: [UInt8]) -> [UInt8] {
        let close = matching.partner[index] ?? index
        if startsLine, let first = lines.firstLineStart(in: tokens[index].end..<tokens[close].start) {
            return removingPrefix(dedent, from: first..<indentationEnd(from: first))
        }
        return removingPrefix(dedent, from: lines.leadingIndentation(ofLineAt: tokens[index].start))
    }

    private func indentationEnd(from offset: Int) -> Int {
        var end = offset
        while end < bytes.count, bytes[end].isIndentation { end += 1 }
        return end
    }

    /// The bytes of `range` without as much of `prefix` as they start with.
    private func removingPrefix(_ prefix: [UInt8], from range: Range<Int>) -> [UInt8] {
        Array(bytes[range.lowerBound + commonPrefixLength(prefix, at: range.lowerBound, limit: range.upperBound)..<range.upperBound])
    }

    private func commonPrefixLength(_ prefix: [UInt8], at offset: Int, limit: Int) -> Int {
        var length = 0
        while length < prefix.count, offset + length < limit, bytes[offset + length] == prefix[length] { length += 1 }
        return length
    }

    /// A text token's kept bytes, cut at each line start, each line without the dedent.
    private func textPieces(of index: Int, dedent: [UInt8]) -> [TextPiece] {
        let start = lines.keptStart[index]
        let end = lines.keptEnd[index]
        guard start < end else { return [] }
        var pieces: [TextPiece] = []
        var pieceStart = start
        var startsLine = lines.textLineStarts.contains(start)
        var offset = start
        while offset < end {
            offset += 1
            if offset == end || (bytes[offset - 1] == .newline && lines.textLineStarts.contains(offset)) {
                let skipped = startsLine ? commonPrefixLength(dedent, at: pieceStart, limit: offset) : 0
                pieces.append(TextPiece(range: pieceStart + skipped..<offset, startsLine: startsLine))
                pieceStart = offset
                startsLine = true
            }
        }
        return pieces
    }
}

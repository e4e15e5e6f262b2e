/// Decides the whitespace the spec leaves to the engine: which tags stand alone on their line
/// (the line then vanishes from the output, line ending included), and where source lines start
/// (an indented partial puts its indentation there).
///
/// The rules, all decided here once so that rendering never looks at whitespace again:
/// - A tag that prints nothing (section, inverted section, closing tag, comment, partial, block,
///   set-delimiters) stands alone when only spaces and tabs share its line.
/// - A parent tag pair stands alone when its opening tag starts its line (after spaces) and its
///   closing tag ends one: `  {{<page}}{{/page}}` is one standalone line, like a partial.
/// - Inside a parent tag, where text is ignored, an override block's opening tag followed by a
///   line end starts its content on the next line, and a closing tag preceded by spaces alone
///   ends it on the line before.
struct StandaloneLines {
    /// The part of each text token that is output: standalone lines trimmed away.
    private(set) var keptStart: [Int]
    private(set) var keptEnd: [Int]
    /// For a standalone tag: the spaces before it (a partial's or block's indentation).
    private(set) var indentation: [Range<Int>?]
    /// For an override block: its content starts on the line after its tag.
    private(set) var startsLine: [Bool]
    /// Offsets where an output line starts in literal text.
    private(set) var textLineStarts: Set<Int> = []
    /// Tags that start a line.
    private(set) var tagStartsLine: [Bool]
    /// Every line start above, sorted: to find the first line of a block's content.
    private(set) var lineStartOffsets: [Int] = []

    private let bytes: [UInt8]
    private let contentStart: Int
    /// Line starts whose line was removed, or whose leading spaces became an indentation.
    private var removedLineStarts: Set<Int> = []

    init(tokens: [Token], matching: SectionMatching, source: SourceText) {
        bytes = source.bytes
        contentStart = source.contentStart
        keptStart = tokens.map(\.start)
        keptEnd = tokens.map(\.end)
        indentation = Array(repeating: nil, count: tokens.count)
        startsLine = Array(repeating: false, count: tokens.count)
        tagStartsLine = Array(repeating: false, count: tokens.count)
        var decided = Array(repeating: false, count: tokens.count)
        for (index, token) in tokens.enumerated() where token.kind.canStandAlone && !decided[index] {
            let close = matching.partner[index]
            switch token.kind {
            case .parent:
                guard let close, let lineStart = lineStart(before: token.start), let lineEnd = lineEnd(after: tokens[close].end) else { break }
                indentation[index] = lineStart..<token.start
                trim(before: index, from: lineStart)
                trim(after: close, to: lineEnd)
                decided[close] = true
            case .block where matching.isOverride[index]:
                if let lineEnd = lineEnd(after: token.end) {
                    startsLine[index] = true
                    trim(after: index, to: lineEnd)
                }
                if let close {
                    decided[close] = true
                    if let lineStart = lineStart(before: tokens[close].start) { trim(before: close, from: lineStart) }
                }
            default:
                guard let lineStart = lineStart(before: token.start), let lineEnd = lineEnd(after: token.end) else { break }
                indentation[index] = lineStart..<token.start
                trim(before: index, from: lineStart)
                trim(after: index, to: lineEnd)
            }
        }
        findLineStarts(tokens: tokens)
    }

    /// The start of the line holding `offset` when only spaces and tabs come between.
    private func lineStart(before offset: Int) -> Int? {
        var index = offset
        while index > contentStart, bytes[index - 1].isIndentation { index -= 1 }
        return index == contentStart || bytes[index - 1] == .newline ? index : nil
    }

    /// The offset just past the line ending after `offset` when only spaces and tabs come
    /// between (or the end of the file).
    private func lineEnd(after offset: Int) -> Int? {
        var index = offset
        while index < bytes.count, bytes[index].isIndentation { index += 1 }
        if index == bytes.count { return index }
        if bytes[index] == .newline { return index + 1 }
        if bytes[index] == .carriageReturn, index + 1 < bytes.count, bytes[index + 1] == .newline { return index + 2 }
        return nil
    }

    private mutating func trim(before tag: Int, from lineStart: Int) {
        removedLineStarts.insert(lineStart)
        if tag > 0 { keptEnd[tag - 1] = min(keptEnd[tag - 1], lineStart) }
    }

    private mutating func trim(after tag: Int, to lineEnd: Int) {
        if tag + 1 < keptStart.count { keptStart[tag + 1] = max(keptStart[tag + 1], lineEnd) }
    }

    /// Marks where each remaining line starts: in text, or right before a tag. Empty lines get
    /// no mark, so indenting a partial never leaves trailing spaces on its blank lines.
    private mutating func findLineStarts(tokens: [Token]) {
        var tokenIndex = 0
        var offset = contentStart
        while offset < bytes.count {
            defer { offset = (bytes[offset...].firstIndex(of: .newline) ?? bytes.count - 1) + 1 }
            let isEmpty = bytes[offset] == .newline || (bytes[offset] == .carriageReturn && offset + 1 < bytes.count && bytes[offset + 1] == .newline)
            guard !isEmpty, !removedLineStarts.contains(offset) else { continue }
            while tokens[tokenIndex].end <= offset { tokenIndex += 1 }
            let token = tokens[tokenIndex]
            if token.kind == .text {
                guard keptStart[tokenIndex] <= offset, offset < keptEnd[tokenIndex] else { continue }
                textLineStarts.insert(offset)
            } else if token.start == offset {
                tagStartsLine[tokenIndex] = true
            } else {
                continue
            }
            lineStartOffsets.append(offset)
        }
    }

    /// The spaces and tabs that start the line holding `offset`.
    func leadingIndentation(ofLineAt offset: Int) -> Range<Int> {
        var start = offset
        while start > contentStart, bytes[start - 1] != .newline { start -= 1 }
        var end = start
        while end < offset, bytes[end].isIndentation { end += 1 }
        return start..<end
    }

    /// The first line start in `range`, if any.
    func firstLineStart(in range: Range<Int>) -> Int? {
        var low = 0
        var high = lineStartOffsets.count
        while low < high {
            let mid = (low + high) / 2
            if lineStartOffsets[mid] < range.lowerBound { low = mid + 1 } else { high = mid }
        }
        return low < lineStartOffsets.count && lineStartOffsets[low] < range.upperBound ? lineStartOffsets[low] : nil
    }
}

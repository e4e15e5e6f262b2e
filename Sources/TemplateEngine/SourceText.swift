/// One template file as the parser sees it: its UTF-8 bytes (Mustache is defined on text, but
/// working on bytes keeps `\r\n` two characters and makes scanning fast) plus the index of its
/// line starts, so a byte offset found while parsing or rendering becomes a line and column only
/// when an error needs one.
struct SourceText: Sendable {
    /// The file as errors show it ("templates/partials/faq.html").
    let displayName: String
    let bytes: [UInt8]
    /// 3 when the file starts with a UTF-8 byte order mark: those bytes are neither output nor
    /// counted in columns.
    let contentStart: Int
    /// Byte offset of the first byte of each line (line 1 starts after the BOM). A line ends at
    /// `\n`, `\r\n` or a `\r` alone, as in every editor.
    private let lineStarts: [Int]
    /// `continuationsBefore[k]`: the UTF-8 continuation bytes before byte `k * blockSize`, so a
    /// column costs at most one block of counting however long its line (a one-line template
    /// with thousands of errors stays fast).
    private let continuationsBefore: [Int]
    private static let blockSize = 4096

    init(displayName: String, bytes: [UInt8]) {
        self.displayName = displayName
        self.bytes = bytes
        contentStart = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var starts = [contentStart]
        var blocks = [0]
        var continuations = 0
        bytes.withUnsafeBufferPointer { buffer in
            for offset in 0..<buffer.count {
                if offset & (Self.blockSize - 1) == 0, offset > 0 { blocks.append(continuations) }
                let byte = buffer[offset]
                if byte & 0xC0 == 0x80 {
                    continuations += 1
                } else if byte == .newline || (byte == .carriageReturn && (offset + 1 == buffer.count || buffer[offset + 1] != .newline)) {
                    starts.append(offset + 1)
                }
            }
        }
        lineStarts = starts
        continuationsBefore = blocks
    }

    private func lineIndex(of offset: Int) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }

    private func continuations(before offset: Int) -> Int {
        let block = min(offset / Self.blockSize, continuationsBefore.count - 1)
        var count = continuationsBefore[block]
        for index in block * Self.blockSize..<offset where bytes[index] & 0xC0 == 0x80 {
            count += 1
        }
        return count
    }

    /// 1-based line and column of the byte at `offset`. Columns count Unicode scalars, so the
    /// caret of an error lands under the right character in accented text.
    func lineAndColumn(of offset: Int) -> (line: Int, column: Int) {
        let offset = max(contentStart, min(offset, bytes.count))
        let index = lineIndex(of: offset)
        let start = lineStarts[index]
        return (index + 1, 1 + (offset - start) - (continuations(before: offset) - continuations(before: start)))
    }

    /// The text of 0-based line `index`: its first byte and the end of its text (before `\n`,
    /// `\r\n` or `\r`).
    private func bounds(ofLine index: Int) -> (start: Int, end: Int) {
        let start = lineStarts[index]
        guard index + 1 < lineStarts.count else { return (start, bytes.count) }
        var end = lineStarts[index + 1] - 1
        if bytes[end] == .newline, end > start, bytes[end - 1] == .carriageReturn { end -= 1 }
        return (start, max(start, end))
    }

    /// The window of the line holding `offset` that an error quotes (see `QuotedText`).
    func quote(at offset: Int) -> QuotedText {
        let offset = max(contentStart, min(offset, bytes.count))
        let (start, end) = bounds(ofLine: lineIndex(of: offset))
        return QuotedText(bytes: bytes, lineStart: start, lineEnd: end, offset: min(offset, end))
    }

    /// A `TemplateError` located at the byte `offset` of this file.
    func error(_ kind: TemplateError.Kind, at offset: Int) -> TemplateError {
        let (line, column) = lineAndColumn(of: offset)
        let quote = quote(at: offset)
        return TemplateError(kind: kind, file: displayName, line: line, column: column, sourceLine: quote.text, caretColumn: quote.caretColumn)
    }

    /// The offset of the first byte that is not valid UTF-8 (a stray continuation byte, a
    /// truncated or overlong sequence, an encoded surrogate), or nil.
    func firstInvalidUTF8Offset() -> Int? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes[contentStart...].makeIterator()
        var offset = contentStart
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }
}

/// The part of a source line an error quotes: a line longer than `maximumWidth` columns (a
/// minified template) is cut to that many around the caret, with `…` where it was cut, so an
/// error never prints a megabyte line. (The same rule as rolegen's Diagnostics, restated here
/// because the engine depends on no other rolegen module.)
struct QuotedText {
    static let maximumWidth = 120
    var text: String
    /// 1-based, in Unicode scalars of `text`.
    var caretColumn: Int

    /// Walks at most `maximumWidth` scalars from `offset`, whatever the line's length.
    init(bytes: [UInt8], lineStart: Int, lineEnd: Int, offset: Int) {
        func step(_ index: Int, by direction: Int) -> Int {
            var index = index + direction
            while index > lineStart, index < lineEnd, bytes[index] & 0xC0 == 0x80 { index += direction }
            return index
        }
        var start = offset
        var end = offset
        var width = 0
        while start > lineStart, width < Self.maximumWidth / 2 { start = step(start, by: -1); width += 1 }
        while end < lineEnd, width < Self.maximumWidth { end = step(end, by: 1); width += 1 }
        while start > lineStart, width < Self.maximumWidth { start = step(start, by: -1); width += 1 }
        let head = String(decoding: bytes[start..<offset], as: UTF8.self)
        text = (start > lineStart ? "…" : "") + head + String(decoding: bytes[offset..<end], as: UTF8.self) + (end < lineEnd ? "…" : "")
        caretColumn = (start > lineStart ? 1 : 0) + head.unicodeScalars.count + 1
    }

    /// The window of the whole line `line` around 1-based `column`.
    init(line: String, column: Int) {
        let bytes = Array(line.utf8)
        var offset = 0
        var scalars = 1
        while offset < bytes.count, scalars < column {
            offset += 1
            while offset < bytes.count, bytes[offset] & 0xC0 == 0x80 { offset += 1 }
            scalars += 1
        }
        self.init(bytes: bytes, lineStart: 0, lineEnd: bytes.count, offset: offset)
    }
}

extension UInt8 {
    static let newline = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")

    /// Spaces and tabs: what may surround a standalone tag and what indentation is made of.
    var isIndentation: Bool { self == .space || self == .tab }

    /// Any ASCII whitespace: what may pad a tag's content (`{{ name }}`).
    var isWhitespace: Bool { self == .space || self == .tab || self == .newline || self == .carriageReturn || self == 0x0B || self == 0x0C }
}

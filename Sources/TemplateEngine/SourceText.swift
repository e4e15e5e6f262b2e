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
    /// Byte offset of the first byte of each line (line 1 starts after the BOM).
    private let lineStarts: [Int]

    init(displayName: String, bytes: [UInt8]) {
        self.displayName = displayName
        self.bytes = bytes
        contentStart = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var starts = [contentStart]
        for (offset, byte) in bytes.enumerated() where byte == .newline {
            starts.append(offset + 1)
        }
        lineStarts = starts
    }

    /// 1-based line and column of the byte at `offset`. Columns count Unicode scalars, so the
    /// caret of an error lands under the right character in accented text.
    func lineAndColumn(of offset: Int) -> (line: Int, column: Int) {
        let offset = max(contentStart, min(offset, bytes.count))
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        var column = 1
        for index in lineStarts[low]..<offset where bytes[index] & 0xC0 != 0x80 {
            column += 1
        }
        return (low + 1, column)
    }

    /// The text of 1-based `line` without its line ending (`\n` or `\r\n`).
    func lineText(_ line: Int) -> String {
        guard line >= 1, line <= lineStarts.count else { return "" }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
        if end > start, bytes[end - 1] == .carriageReturn { end -= 1 }
        return String(decoding: bytes[start..<max(start, end)], as: UTF8.self)
    }

    /// A `TemplateError` located at the byte `offset` of this file.
    func error(_ kind: TemplateError.Kind, at offset: Int) -> TemplateError {
        let (line, column) = lineAndColumn(of: offset)
        return TemplateError(kind: kind, file: displayName, line: line, column: column, sourceLine: lineText(line))
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

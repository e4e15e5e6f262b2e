/// The bytes of one file plus an index of where its lines start, so that a byte offset found
/// by a parser becomes a `SourceLocation` (and a quoted line) without rescanning the file.
public struct SourceFile: Sendable {
    /// The path shown in diagnostics.
    public let path: String
    public let bytes: [UInt8]
    /// Byte offset of the first byte of each line. Lines end at `\n`; a `\r` before it belongs
    /// to the line ending (CRLF files report the same positions as LF files).
    private let lineStarts: [Int]
    /// 3 when the file starts with a UTF-8 byte order mark, else 0.
    public let bomLength: Int

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            starts.append(offset + 1)
        }
        lineStarts = starts
        bomLength = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    }

    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }

    /// 0-based index of the line holding `offset`.
    private func lineIndex(of offset: Int) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }

    /// The location of the byte at `offset` (clamped to the file). The column counts Unicode
    /// scalars from the start of the line: UTF-8 continuation bytes are not counted.
    public func location(ofByteOffset offset: Int) -> SourceLocation {
        let offset = max(0, min(offset, bytes.count))
        let index = lineIndex(of: offset)
        var start = lineStarts[index]
        if index == 0 { start = min(bomLength, offset) }
        var column = 1
        var cursor = start
        while cursor < offset {
            if bytes[cursor] & 0xC0 != 0x80 { column += 1 }
            cursor += 1
        }
        return SourceLocation(file: path, line: index + 1, column: column)
    }

    /// The text of 1-based line `line`, without its line ending; invalid UTF-8 is shown as U+FFFD.
    public func lineText(_ line: Int) -> String? {
        guard line >= 1, line <= lineStarts.count else { return nil }
        var start = lineStarts[line - 1]
        if line == 1 { start = bomLength }
        var end = line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        guard start <= end else { return "" }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// A diagnostic at a byte offset, with the source line quoted.
    public func diagnostic(
        _ severity: Severity, _ message: String, code: String, atByteOffset offset: Int, suggestion: String? = nil
    ) -> Diagnostic {
        let location = location(ofByteOffset: offset)
        return Diagnostic(severity, message, code: code, at: location, sourceLine: lineText(location.line), suggestion: suggestion)
    }
}

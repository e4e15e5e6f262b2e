/// The bytes of one file plus an index of where its lines start, so that a byte offset found
/// by a parser becomes a `SourceLocation` (and a quoted line) without rescanning the file.
public struct SourceFile: Sendable {
    /// The path shown in diagnostics.
    public let path: String
    public let bytes: [UInt8]
    /// Byte offset of the first byte of each line. A line ends at `\n`, `\r\n` or a `\r` alone
    /// (old Mac files), so every editor's line numbers match ours.
    private let lineStarts: [Int]
    /// `continuationsBefore[k]`: how many UTF-8 continuation bytes come before byte
    /// `k * blockSize`. A column is then found by counting at most one block's bytes, however
    /// long the line: a file that is one long line with thousands of errors costs no more per
    /// error than a short one.
    private let continuationsBefore: [Int]
    private static let blockSize = 4096
    /// 3 when the file starts with a UTF-8 byte order mark, else 0.
    public let bomLength: Int

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
        var starts = [0]
        var blocks = [0]
        var continuations = 0
        bytes.withUnsafeBufferPointer { buffer in
            for offset in 0..<buffer.count {
                if offset & (Self.blockSize - 1) == 0, offset > 0 { blocks.append(continuations) }
                let byte = buffer[offset]
                if byte & 0xC0 == 0x80 {
                    continuations += 1
                } else if byte == UInt8(ascii: "\n") {
                    starts.append(offset + 1)
                } else if byte == UInt8(ascii: "\r"), offset + 1 == buffer.count || buffer[offset + 1] != UInt8(ascii: "\n") {
                    starts.append(offset + 1)
                }
            }
        }
        lineStarts = starts
        continuationsBefore = blocks
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

    /// How many UTF-8 continuation bytes come before `offset`.
    private func continuations(before offset: Int) -> Int {
        let block = offset / Self.blockSize
        var count = continuationsBefore[min(block, continuationsBefore.count - 1)]
        var cursor = min(block, continuationsBefore.count - 1) * Self.blockSize
        while cursor < offset {
            if bytes[cursor] & 0xC0 == 0x80 { count += 1 }
            cursor += 1
        }
        return count
    }

    /// The first byte of 0-based line `index` (after the BOM on the first line), and the end of
    /// its text (before its line ending).
    private func bounds(ofLine index: Int) -> (start: Int, end: Int) {
        let start = index == 0 ? bomLength : lineStarts[index]
        var end = index + 1 < lineStarts.count ? lineStarts[index + 1] : bytes.count
        if end > start, index + 1 < lineStarts.count {
            end -= 1  // `\n` or a lone `\r`
            if bytes[end] == UInt8(ascii: "\n"), end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        }
        return (min(start, end), end)
    }

    /// The location of the byte at `offset` (clamped to the file). The column counts Unicode
    /// scalars from the start of the line: UTF-8 continuation bytes are not counted.
    public func location(ofByteOffset offset: Int) -> SourceLocation {
        let offset = max(0, min(offset, bytes.count))
        let index = lineIndex(of: offset)
        let start = index == 0 ? min(bomLength, offset) : lineStarts[index]
        return SourceLocation(file: path, line: index + 1, column: 1 + (offset - start) - continuations(from: start, to: offset))
    }

    /// The offset of the byte a parser places at 1-based `line` and 1-based `byteColumn`
    /// (cmark-gfm counts lines as this file does: CommonMark ends one at `\n`, `\r\n` or a lone
    /// `\r`). A line out of range is the nearest one (some nodes come without a position, 0);
    /// the offset is clamped to the file.
    public func byteOffset(line: Int, byteColumn: Int) -> Int {
        let index = min(max(line - 1, 0), lineStarts.count - 1)
        return min(lineStarts[index] + max(byteColumn - 1, 0), bytes.count)
    }

    /// How many UTF-8 continuation bytes lie in `start..<end`: counted directly when the range
    /// is shorter than a block (most lines), else from the blocks' counts, so that a location
    /// costs at most about two blocks' bytes, however long its line.
    private func continuations(from start: Int, to end: Int) -> Int {
        guard end - start < Self.blockSize else { return continuations(before: end) - continuations(before: start) }
        return bytes.withUnsafeBufferPointer { bytes in
            var count = 0
            for offset in start..<end where bytes[offset] & 0xC0 == 0x80 { count += 1 }
            return count
        }
    }

    /// The text of 1-based line `line`, without its line ending; invalid UTF-8 is shown as U+FFFD.
    public func lineText(_ line: Int) -> String? {
        guard line >= 1, line <= lineStarts.count else { return nil }
        let (start, end) = bounds(ofLine: line - 1)
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// The quoted line for the byte at `offset`: a window of its line around it.
    public func quote(atByteOffset offset: Int) -> QuotedLine {
        let offset = max(0, min(offset, bytes.count))
        let (start, end) = bounds(ofLine: lineIndex(of: offset))
        return bytes.withUnsafeBufferPointer { QuotedLine(bytes: $0, lineStart: start, lineEnd: end, offset: min(max(offset, start), end)) }
    }

    /// A diagnostic at a byte offset, with the source line quoted.
    public func diagnostic(
        _ severity: Severity, _ message: String, code: String, atByteOffset offset: Int, suggestion: String? = nil
    ) -> Diagnostic {
        Diagnostic(severity, message, code: code, at: location(ofByteOffset: offset), quote: quote(atByteOffset: offset), suggestion: suggestion)
    }
}

/// The part of a source line that a diagnostic quotes under its message, and where its caret
/// goes.
///
/// A line of a minified JSON file or of a generated template can be megabytes long: quoting it
/// whole for each of its errors would print (and hold in memory) megabytes per error. So a line
/// longer than `maximumWidth` columns is cut to a window of that many columns around the caret,
/// with `…` where it was cut; the caret stays under the same character.
public struct QuotedLine: Sendable, Hashable, Codable {
    /// The widest quoted text, in Unicode scalars, not counting the `…` marks.
    public static let maximumWidth = 120

    /// What is printed: the whole line, or a window of it with `…` where it was cut.
    public let text: String
    /// 1-based position of the caret in `text`, in Unicode scalars.
    public let caretColumn: Int

    /// Already cut text and the caret's position in it.
    public init(text: String, caretColumn: Int) {
        self.text = text
        self.caretColumn = caretColumn
    }

    /// The window of the whole line `line` around 1-based `column`.
    public init(line: String, column: Int) {
        let bytes = Array(line.utf8)
        var offset = 0
        var scalars = 1
        while offset < bytes.count, scalars < column {
            offset += 1
            while offset < bytes.count, bytes[offset] & 0xC0 == 0x80 { offset += 1 }
            scalars += 1
        }
        self = bytes.withUnsafeBufferPointer { QuotedLine(bytes: $0, lineStart: 0, lineEnd: bytes.count, offset: offset) }
    }

    /// The window of the line `lineStart..<lineEnd` of `bytes` around the byte at `offset`,
    /// found by walking at most `maximumWidth` scalars from `offset`: the cost does not depend
    /// on the line's length. Invalid UTF-8 is shown as U+FFFD.
    public init(bytes: UnsafeBufferPointer<UInt8>, lineStart: Int, lineEnd: Int, offset: Int) {
        let offset = max(lineStart, min(offset, lineEnd))
        func isContinuation(_ index: Int) -> Bool { bytes[index] & 0xC0 == 0x80 }
        func scalarBefore(_ index: Int) -> Int {
            var index = index - 1
            while index > lineStart, isContinuation(index) { index -= 1 }
            return index
        }
        func scalarAfter(_ index: Int) -> Int {
            var index = index + 1
            while index < lineEnd, isContinuation(index) { index += 1 }
            return index
        }
        let half = Self.maximumWidth / 2
        var start = offset
        var before = 0
        while start > lineStart, before < half {
            start = scalarBefore(start)
            before += 1
        }
        var end = offset
        var width = before
        while end < lineEnd, width < Self.maximumWidth {
            end = scalarAfter(end)
            width += 1
        }
        // Near the end of the line the window takes more of what comes before.
        while start > lineStart, width < Self.maximumWidth {
            start = scalarBefore(start)
            before += 1
            width += 1
        }
        let cutBefore = start > lineStart
        let cutAfter = end < lineEnd
        var text = cutBefore ? "…" : ""
        let head = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<offset]), as: UTF8.self)
        text += head
        text += String(decoding: UnsafeBufferPointer(rebasing: bytes[offset..<end]), as: UTF8.self)
        if cutAfter { text += "…" }
        self.text = text
        caretColumn = (cutBefore ? 1 : 0) + head.unicodeScalars.count + 1
    }

    /// What goes before the caret on the line under `text`: a space per character before the
    /// caret's column, except that tabs are copied so the caret lines up in a terminal.
    public var caretPadding: String {
        var padding = ""
        for (index, scalar) in text.unicodeScalars.enumerated() where index < caretColumn - 1 {
            padding.unicodeScalars.append(scalar == "\t" ? "\t" : " ")
        }
        return padding
    }
}

import Diagnostics
import LibC

/// One file being read: its bytes, which turn byte offsets into positions, and the problems
/// found in it so far. Each file gets its own, so files can be read in parallel.
final class FileCheck {
    /// Relative to the site root, as diagnostics show it.
    let path: String
    let bytes: [UInt8]
    private(set) var diagnostics: [Diagnostic] = []
    /// Built on first use: most files have no problem and no position is ever computed for them.
    private lazy var source = SourceFile(path: path, bytes: bytes)
    /// Whether these bytes are known to be ones an earlier reading in this build checked and
    /// found free of errors (a role read again for its pages, `RoleReader.read(checkedAs:)`):
    /// then checks that could only report (valid UTF-8, repeated keys, unknown fields, safe
    /// ids, known references, warnings) are skipped, since the reading's diagnostics are not
    /// shown. What decides a value (a blank text is absent, a key's first occurrence counts) is
    /// never skipped: a trusted reading gives the same content as a checked one.
    var isTrusted = false
    /// Where the member an `ObjectReader` of this file looks for next is likely to be: just
    /// after the one it found last (`JSONObject.index(of:likely:)`).
    var nextMember = 0

    init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    var hasErrors: Bool { diagnostics.hasErrors }

    func report(_ error: ContentError, at offset: Int) {
        diagnostics.append(source.diagnostic(error.severity, error.message, code: error.code, atByteOffset: offset, suggestion: error.suggestion))
    }

    /// The file with its line index, for diagnostics made after loading (UI strings).
    var sourceFile: SourceFile { source }

    func location(of offset: Int) -> SourceLocation {
        source.location(ofByteOffset: offset)
    }

    /// The byte offset where 1-based `line` starts (the end of the file past its last line).
    func offset(ofLine line: Int) -> Int {
        var remaining = line - 1
        var offset = 0
        while remaining > 0, offset < bytes.count {
            if bytes[offset] == UInt8(ascii: "\n") { remaining -= 1 }
            offset += 1
        }
        return offset
    }

    func line(of offset: Int) -> Int {
        location(of: offset).line
    }

    /// The file's JSON value, or nil (with the problem reported) when the file is not valid
    /// UTF-8 or not JSON. Repeated keys are reported but do not make the file unusable.
    func parseJSON() -> JSONValue? {
        guard checkUTF8() else { return nil }
        let document = JSONParser.parse(bytes, findingDuplicateKeys: !isTrusted)
        for duplicate in document.duplicateKeys {
            report(.duplicateKey(name: duplicate.key, firstLine: line(of: duplicate.firstOffset)), at: duplicate.offset)
        }
        if let syntaxError = document.syntaxError {
            report(.invalidJSON(syntaxError.kind), at: syntaxError.offset)
        }
        return document.root
    }

    /// The file as text (for Markdown): BOM removed, CRLF line endings turned into LF so that
    /// rendering does not depend on the editor that saved the file. Nil when not valid UTF-8.
    func text() -> String? {
        guard checkUTF8() else { return nil }
        let start = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
        var text = String(decoding: bytes[start...], as: UTF8.self)
        // memchr: a byte-by-byte loop over every Markdown file of every role cost more than
        // the rest of this function.
        if bytes.withUnsafeBytes({ !$0.isEmpty && memchr($0.baseAddress!, Int32(UInt8(ascii: "\r")), $0.count) != nil }) {
            text = text.replacing("\r\n", with: "\n")
        }
        return text
    }

    /// A Markdown file's text (see `text()`), or nil when it is not UTF-8 or larger than
    /// `sizeLimit` bytes: reported at the first byte past the limit, before cmark-gfm (whose
    /// table parsing is quadratic) ever sees it.
    func markdown(sizeLimit: Int) -> String? {
        guard bytes.count <= sizeLimit else {
            report(.markdownTooLarge(size: bytes.count, limit: sizeLimit), at: sizeLimit)
            return nil
        }
        return text()
    }

    private func checkUTF8() -> Bool {
        guard !isTrusted, let bad = firstInvalidUTF8Offset(in: bytes) else { return true }
        report(.invalidUTF8(byte: bytes[bad]), at: bad)
        return false
    }
}

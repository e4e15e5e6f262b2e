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
    /// The file's JSON value once parsed: where `path(to:)` looks for a value's path.
    private var parsedRoot: JSONValue?

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
        parsedRoot = document.root
        return document.root
    }

    /// The path of a value of this file's JSON from its top (`""` for the top itself), as messages
    /// name it: `impactYears.to`, `tasks[3].id`, `roadmap[1].steps`.
    ///
    /// Found from where the value starts: every value starts at its own byte, after its parent's
    /// bracket or brace, and an object's members and an array's elements are kept in the order
    /// written, so each level's child is found by bisection (a message in a list of 100,000
    /// elements costs a few dozen steps, not a walk over the list).
    func path(to field: JSONField) -> String {
        let target = field.value.offset
        var path = ""
        var value = parsedRoot
        while let current = value, current.offset != target {
            switch current.content {
            case .object(let object):
                let members = object.members
                guard let index = Self.lastIndex(startingAtOrBefore: target, count: members.count, offset: { members[$0].value.offset })
                else { return path }
                path = path.isEmpty ? members[index].key : "\(path).\(members[index].key)"
                value = members[index].value
            case .array(let elements):
                guard let index = Self.lastIndex(startingAtOrBefore: target, count: elements.count, offset: { elements[$0].offset })
                else { return path }
                path = "\(path)[\(index)]"
                value = elements[index]
            default:
                return path
            }
        }
        return path
    }

    /// The path of the member `key` of `field` (which may be absent: a missing field is named).
    func path(to field: JSONField, then key: String) -> String {
        let path = path(to: field)
        return path.isEmpty ? key : "\(path).\(key)"
    }

    /// The last of `count` children, in the order written, that starts at or before `target`.
    private static func lastIndex(startingAtOrBefore target: Int, count: Int, offset: (Int) -> Int) -> Int? {
        var (low, high) = (0, count)
        while low < high {
            let middle = (low + high) / 2
            if offset(middle) <= target { low = middle + 1 } else { high = middle }
        }
        return low > 0 ? low - 1 : nil
    }

    /// The file as text (for Markdown): BOM removed, CRLF line endings turned into LF so that
    /// rendering does not depend on the editor that saved the file. Nil when not valid UTF-8.
    func text() -> String? {
        let start = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
        // The string checks the bytes as it is made: checking them first as well cost a pass
        // over every Markdown file. Only bytes it refuses are looked at for the bad one.
        guard var text = isTrusted ? String(decoding: bytes[start...], as: UTF8.self) : String(validating: bytes[start...], as: UTF8.self)
        else {
            _ = checkUTF8()
            return nil
        }
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

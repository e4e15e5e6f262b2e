/// What parsing one file produced. `root` is nil exactly when `syntaxError` is set; repeated keys
/// do not stop parsing, so they are reported alongside (and a syntax error found later).
struct JSONDocument: Sendable, Equatable {
    var root: JSONValue?
    var syntaxError: JSONSyntaxError?
    var duplicateKeys: [DuplicateKey]
}

/// A key written twice in one object. The first occurrence is the one kept.
struct DuplicateKey: Sendable, Equatable {
    var key: String
    /// Byte offset of the repeated key's opening quote.
    var offset: Int
    /// Byte offset of the first occurrence's opening quote.
    var firstOffset: Int
}

/// A strict RFC 8259 JSON parser over UTF-8 bytes that records the byte offset of every key and
/// value.
///
/// The bytes must already be valid UTF-8 (the loader checks that first, so it can point at the
/// bad byte); a leading byte order mark is skipped. Strings without escapes are decoded straight
/// from a slice of the input, so the common case builds no intermediate buffers.
struct JSONParser {
    /// Deep enough for any content file, shallow enough that recursion cannot exhaust the stack.
    static let defaultDepthLimit = 100
    /// The capacity every object's members and every array's elements start with: the tree
    /// lives only while its file is read, so room to spare costs nothing, and growing cost more
    /// allocations than the values in it.
    private static let initialCapacity = 8

    /// Without `findingDuplicateKeys` (bytes known to have no repeated key, see
    /// `FileCheck.isTrusted`) keys are not compared: every member is kept.
    static func parse(_ bytes: [UInt8], depthLimit: Int = defaultDepthLimit, findingDuplicateKeys: Bool = true) -> JSONDocument {
        bytes.withUnsafeBufferPointer { buffer in
            var parser = JSONParser(bytes: buffer, depthLimit: depthLimit, findingDuplicateKeys: findingDuplicateKeys)
            do throws(JSONSyntaxError) {
                let root = try parser.parseDocument()
                return JSONDocument(root: root, syntaxError: nil, duplicateKeys: parser.duplicateKeys)
            } catch {
                return JSONDocument(root: nil, syntaxError: error, duplicateKeys: parser.duplicateKeys)
            }
        }
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private let depthLimit: Int
    private let findingDuplicateKeys: Bool
    private var position: Int
    private var duplicateKeys: [DuplicateKey] = []

    private init(bytes: UnsafeBufferPointer<UInt8>, depthLimit: Int, findingDuplicateKeys: Bool) {
        self.bytes = bytes
        self.depthLimit = depthLimit
        self.findingDuplicateKeys = findingDuplicateKeys
        position = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    }

    private mutating func parseDocument() throws(JSONSyntaxError) -> JSONValue {
        let value = try parseValue(depth: 0)
        skipWhitespace()
        if position < bytes.count {
            throw JSONSyntaxError(kind: .trailingContent(found: token(at: position)), offset: position)
        }
        return value
    }

    // MARK: Values

    /// `depth` is how many arrays and objects enclose the value.
    private mutating func parseValue(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        skipWhitespace()
        guard position < bytes.count else { throw failure(expected: "a value") }
        let start = position
        switch bytes[position] {
        case UInt8(ascii: "{"):
            return JSONValue(content: .object(try parseObject(depth: depth + 1)), offset: start)
        case UInt8(ascii: "["):
            return JSONValue(content: .array(try parseArray(depth: depth + 1)), offset: start)
        case UInt8(ascii: "\""):
            return JSONValue(content: .string(try parseString()), offset: start)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return JSONValue(content: try parseNumber(), offset: start)
        case UInt8(ascii: "t") where consume("true"):
            return JSONValue(content: .bool(true), offset: start)
        case UInt8(ascii: "f") where consume("false"):
            return JSONValue(content: .bool(false), offset: start)
        case UInt8(ascii: "n") where consume("null"):
            return JSONValue(content: .null, offset: start)
        default:
            throw failure(expected: "a value")
        }
    }

    private mutating func parseObject(depth: Int) throws(JSONSyntaxError) -> JSONObject {
        try checkDepth(depth)
        position += 1  // {
        var members: [JSONObject.Member] = []
        // Room for a content file's usual object at once (an array grows from one element by
        // doubling: five allocations for a role's seventeen tasks, four for an object of ten).
        members.reserveCapacity(Self.initialCapacity)
        var seen = SeenKeys()
        var commaOffset: Int?
        while true {
            skipWhitespace()
            guard position < bytes.count else {
                throw JSONSyntaxError(kind: .unexpectedEnd(expected: members.isEmpty ? "a string key or `}`" : "a string key"), offset: position)
            }
            if bytes[position] == UInt8(ascii: "}") {
                if let commaOffset { throw JSONSyntaxError(kind: .trailingComma(before: "}"), offset: commaOffset) }
                position += 1
                return JSONObject(members: members)
            }
            guard bytes[position] == UInt8(ascii: "\"") else {
                throw JSONSyntaxError(kind: .unexpected(found: token(at: position), expected: "a string key in double quotes"), offset: position)
            }
            let keyOffset = position
            let key = try parseString()
            try expectColon()
            let value = try parseValue(depth: depth)
            if findingDuplicateKeys, let first = seen.insert(key, at: members.count, of: members) {
                duplicateKeys.append(DuplicateKey(key: key, offset: keyOffset, firstOffset: members[first].keyOffset))
            } else {
                members.append(JSONObject.Member(key: key, keyOffset: keyOffset, value: value))
            }
            guard try separator(closing: UInt8(ascii: "}")) else {
                position += 1
                return JSONObject(members: members)
            }
            commaOffset = position
            position += 1
        }
    }

    private mutating func parseArray(depth: Int) throws(JSONSyntaxError) -> [JSONValue] {
        try checkDepth(depth)
        position += 1  // [
        var elements: [JSONValue] = []
        elements.reserveCapacity(Self.initialCapacity)
        var commaOffset: Int?
        while true {
            skipWhitespace()
            if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
                if let commaOffset { throw JSONSyntaxError(kind: .trailingComma(before: "]"), offset: commaOffset) }
                position += 1
                return elements
            }
            elements.append(try parseValue(depth: depth))
            guard try separator(closing: UInt8(ascii: "]")) else {
                position += 1
                return elements
            }
            commaOffset = position
            position += 1
        }
    }

    /// After a member or element: true at a `,`, false at `closing`; anything else is an error.
    /// Leaves `position` on the separator.
    private mutating func separator(closing: UInt8) throws(JSONSyntaxError) -> Bool {
        skipWhitespace()
        if position < bytes.count {
            if bytes[position] == UInt8(ascii: ",") { return true }
            if bytes[position] == closing { return false }
        }
        throw failure(expected: "`,` or `\(Character(Unicode.Scalar(closing)))`")
    }

    private func checkDepth(_ depth: Int) throws(JSONSyntaxError) {
        if depth > depthLimit {
            throw JSONSyntaxError(kind: .tooDeep(limit: depthLimit), offset: position)
        }
    }

    // MARK: Strings

    /// Parses the string whose opening quote is at `position`.
    private mutating func parseString() throws(JSONSyntaxError) -> String {
        let quote = position
        position += 1
        let contentStart = position
        // Fast path: no escapes, so the text is a slice of the input. Eight bytes at a time
        // while none of them ends the fast path (texts are most of a content file's bytes).
        let raw = UnsafeRawBufferPointer(bytes)
        while position + 8 <= bytes.count, !holdsQuoteBackslashOrControl(raw.loadUnaligned(fromByteOffset: position, as: UInt64.self)) {
            position += 8
        }
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                position += 1
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[contentStart..<position - 1]), as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") || byte < 0x20 { break }
            position += 1
        }
        var decoded = Array(bytes[contentStart..<position])
        while position < bytes.count {
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: "\""):
                position += 1
                return String(decoding: decoded, as: UTF8.self)
            case UInt8(ascii: "\\"):
                try parseEscape(into: &decoded, stringStart: quote)
            case ..<0x20:
                throw JSONSyntaxError(kind: .controlCharacterInString(byte), offset: position)
            default:
                decoded.append(byte)
                position += 1
            }
        }
        throw JSONSyntaxError(kind: .unterminatedString, offset: quote)
    }

    /// Decodes the escape whose backslash is at `position` and appends its UTF-8 bytes.
    private mutating func parseEscape(into decoded: inout [UInt8], stringStart: Int) throws(JSONSyntaxError) {
        let backslash = position
        guard position + 1 < bytes.count else {
            throw JSONSyntaxError(kind: .unterminatedString, offset: stringStart)
        }
        let simple: UInt8?
        switch bytes[position + 1] {
        case UInt8(ascii: "\""): simple = UInt8(ascii: "\"")
        case UInt8(ascii: "\\"): simple = UInt8(ascii: "\\")
        case UInt8(ascii: "/"): simple = UInt8(ascii: "/")
        case UInt8(ascii: "b"): simple = 0x08
        case UInt8(ascii: "f"): simple = 0x0C
        case UInt8(ascii: "n"): simple = 0x0A
        case UInt8(ascii: "r"): simple = 0x0D
        case UInt8(ascii: "t"): simple = 0x09
        case UInt8(ascii: "u"): simple = nil
        default:
            throw JSONSyntaxError(kind: .invalidEscape("\\" + scalarText(at: position + 1)), offset: backslash)
        }
        if let simple {
            decoded.append(simple)
            position += 2
            return
        }
        let unit = try hexUnit(at: backslash)
        position += 6
        var scalarValue = UInt32(unit)
        if (0xD800...0xDBFF).contains(unit) {
            let followedByEscape = position + 1 < bytes.count
                && bytes[position] == UInt8(ascii: "\\") && bytes[position + 1] == UInt8(ascii: "u")
            let low = followedByEscape ? try hexUnit(at: position) : 0
            guard (0xDC00...0xDFFF).contains(low) else {
                throw JSONSyntaxError(kind: .unpairedSurrogate("\\u" + hex4(unit)), offset: backslash)
            }
            position += 6
            scalarValue = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
        } else if (0xDC00...0xDFFF).contains(unit) {
            throw JSONSyntaxError(kind: .unpairedSurrogate("\\u" + hex4(unit)), offset: backslash)
        }
        decoded.append(contentsOf: UTF8.encode(Unicode.Scalar(scalarValue)!)!)
    }

    /// The four hex digits of the `\u` escape whose backslash is at `backslash`.
    private func hexUnit(at backslash: Int) throws(JSONSyntaxError) -> UInt16 {
        var unit: UInt16 = 0
        for index in backslash + 2..<backslash + 6 {
            guard index < bytes.count, let digit = hexDigitValue(bytes[index]) else {
                throw JSONSyntaxError(kind: .invalidUnicodeEscape, offset: backslash)
            }
            unit = unit << 4 | UInt16(digit)
        }
        return unit
    }

    // MARK: Numbers

    private mutating func parseNumber() throws(JSONSyntaxError) -> JSONValue.Content {
        let start = position
        if bytes[position] == UInt8(ascii: "-") { position += 1 }
        try requireDigit(after: "-")
        if bytes[position] == UInt8(ascii: "0") {
            position += 1
            if position < bytes.count, isDigit(bytes[position]) {
                throw JSONSyntaxError(kind: .leadingZero, offset: start)
            }
        } else {
            skipDigits()
        }
        var isInteger = true
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            isInteger = false
            position += 1
            try requireDigit(after: ".")
            skipDigits()
        }
        if position < bytes.count, bytes[position] | 0x20 == UInt8(ascii: "e") {
            isInteger = false
            position += 1
            var marker = "e"
            if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
                marker = String(UnicodeScalar(bytes[position]))
                position += 1
            }
            try requireDigit(after: marker)
            skipDigits()
        }
        let literal = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
        guard isInteger else { return .number(Double(literal)!) }
        guard let integer = Int(literal) else {
            throw JSONSyntaxError(kind: .integerTooLarge(literal), offset: start)
        }
        return .integer(integer)
    }

    private func requireDigit(after marker: String) throws(JSONSyntaxError) {
        guard position < bytes.count, isDigit(bytes[position]) else {
            throw JSONSyntaxError(kind: .missingDigits(after: marker), offset: position)
        }
    }

    private mutating func skipDigits() {
        while position < bytes.count, isDigit(bytes[position]) { position += 1 }
    }

    // MARK: Small helpers

    private mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"): position += 1
            default: return
            }
        }
    }

    /// Skips whitespace and the `:` after a key.
    private mutating func expectColon() throws(JSONSyntaxError) {
        skipWhitespace()
        guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else {
            throw failure(expected: "`:` after the key")
        }
        position += 1
    }

    /// The error for finding something other than `expected` at `position` (or the end).
    /// Messages are built only here, never on the path of a valid file.
    private func failure(expected: String) -> JSONSyntaxError {
        guard position < bytes.count else {
            return JSONSyntaxError(kind: .unexpectedEnd(expected: expected), offset: position)
        }
        return JSONSyntaxError(kind: .unexpected(found: token(at: position), expected: expected), offset: position)
    }

    /// Consumes `word` (a literal) when it stands at `position` as a whole word.
    private mutating func consume(_ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard position + count <= bytes.count else { return false }
        let matches = word.withUTF8Buffer { expected in
            bytes[position..<position + count].elementsEqual(expected)
        }
        guard matches, position + count == bytes.count || !isWordByte(bytes[position + count]) else { return false }
        position += count
        return true
    }

    /// What an error says it found at `offset`: a whole word (`tru`, `title`), or one character.
    private func token(at offset: Int) -> String {
        guard isWordByte(bytes[offset]) else { return scalarText(at: offset) }
        var end = offset
        while end < bytes.count, end - offset < 24, isWordByte(bytes[end]) { end += 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[offset..<end]), as: UTF8.self)
    }

    /// The one Unicode scalar whose first byte is at `offset`.
    private func scalarText(at offset: Int) -> String {
        var end = offset + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[offset..<end]), as: UTF8.self)
    }
}

/// The keys of one object so far, for finding a repeated key: a linear search while the object
/// is small (where it beats hashing), a hash table once it grows, so an object with 100,000 keys
/// is checked in linear time, not quadratic.
private struct SeenKeys {
    private static let hashingThreshold = 16
    private var indices: [String: Int]?

    /// The index of `key`'s first occurrence among `members`, or nil after recording that it is
    /// at `index` (the next member).
    mutating func insert(_ key: String, at index: Int, of members: [JSONObject.Member]) -> Int? {
        if indices == nil {
            if let first = members.firstIndex(where: { $0.key == key }) { return first }
            guard index + 1 >= Self.hashingThreshold else { return nil }
            var table = [String: Int](minimumCapacity: 2 * Self.hashingThreshold)
            for (position, member) in members.enumerated() { table[member.key] = position }
            table[key] = index
            indices = table
            return nil
        }
        if let first = indices![key] { return first }
        indices![key] = index
        return nil
    }
}

/// Whether any of the eight bytes of `word` is a quote, a backslash or a control character
/// (below 0x20): what stops a string's fast path. Exact about whether there is one (bytes of
/// multi-byte characters, 0x80 and up, never count), not about which.
private func holdsQuoteBackslashOrControl(_ word: UInt64) -> Bool {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highBits: UInt64 = 0x8080_8080_8080_8080
    /// A byte of `value` is zero.
    func hasZeroByte(_ value: UInt64) -> Bool { (value &- ones) & ~value & highBits != 0 }
    let quote = hasZeroByte(word ^ (ones &* UInt64(UInt8(ascii: "\""))))
    let backslash = hasZeroByte(word ^ (ones &* UInt64(UInt8(ascii: "\\"))))
    let control = (word &- ones &* 0x20) & ~word & highBits != 0
    return quote || backslash || control
}

private func isDigit(_ byte: UInt8) -> Bool {
    byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
}

private func isWordByte(_ byte: UInt8) -> Bool {
    isDigit(byte) || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z")) || byte == UInt8(ascii: "_")
}

private func hexDigitValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
    default: nil
    }
}

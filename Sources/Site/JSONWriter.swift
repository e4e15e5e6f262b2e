import Content

/// JSON-LD written straight into bytes as it is put together, members in the order they are
/// written, so it comes out byte-for-byte the same on every run.
///
/// Compact JSON that is safe inside `<script type="application/ld+json">`: besides JSON's own
/// escapes, `<`, `>` and `&` become `\u003c`, `\u003e`, `\u0026` (so `</script>` and `<!--`
/// cannot end or alter the script element), and U+2028/U+2029 are escaped too.
///
/// Written, not built as a tree of values first: every role page has two documents (its FAQ
/// and its breadcrumb), and the tree's arrays, copied out member by member to be written and
/// then freed, cost twice what writing the text did.
struct JSONLD {
    private var bytes: [UInt8] = []
    /// Whether the object or array being written holds a value already: the next one comes
    /// after a comma.
    private var needsComma = false

    /// One document: `body` writes its value.
    static func script(_ body: (inout JSONLD) -> Void) -> String {
        var json = JSONLD()
        json.bytes.reserveCapacity(2048)
        body(&json)
        return String(decoding: json.bytes, as: UTF8.self)
    }

    /// A schema.org document of `type` whose one other member, `key`, is the array of the
    /// elements `elements` writes (an FAQ's questions, a breadcrumb's items).
    static func schemaList(_ type: String, in key: String, _ elements: (inout JSONLD) -> Void) -> String {
        script { json in
            json.object { json in
                json.member("@context", "https://schema.org")
                json.member("@type", type)
                json.key(key)
                json.array(elements)
            }
        }
    }

    /// An object: `body` writes its members (`member`, or `key` and a value).
    mutating func object(_ body: (inout JSONLD) -> Void) {
        container(open: UInt8(ascii: "{"), close: UInt8(ascii: "}"), body)
    }

    /// An array: `body` writes its elements.
    mutating func array(_ body: (inout JSONLD) -> Void) {
        container(open: UInt8(ascii: "["), close: UInt8(ascii: "]"), body)
    }

    /// A member's key; the value written next is the member's.
    mutating func key(_ name: String) {
        startValue()
        Self.writeString(name, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    mutating func string(_ value: String) {
        startValue()
        Self.writeString(value, to: &bytes)
        needsComma = true
    }

    mutating func int(_ value: Int) {
        startValue()
        bytes += String(value).utf8
        needsComma = true
    }

    mutating func member(_ name: String, _ value: String) {
        key(name)
        string(value)
    }

    mutating func member(_ name: String, _ value: Int) {
        key(name)
        int(value)
    }

    private mutating func container(open: UInt8, close: UInt8, _ body: (inout JSONLD) -> Void) {
        startValue()
        bytes.append(open)
        needsComma = false
        body(&self)
        bytes.append(close)
        needsComma = true
    }

    private mutating func startValue() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Works on UTF-8 bytes: everything outside ASCII is copied as is, except U+2028 and U+2029
    /// (E2 80 A8 / E2 80 A9), which JavaScript once treated as line ends.
    private static func writeString(_ s: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        s.withUTF8InPlace { writeEscaped($0, to: &out) }
        out.append(UInt8(ascii: "\""))
    }

    /// What each byte needs: 0 nothing, 1 an escape of its own, 2 a look at the next two bytes
    /// (0xE2 starts U+2028 and U+2029). A table, because this runs over every text of every
    /// page's JSON-LD (its FAQ answers are paragraphs).
    private static let byteClass: [UInt8] = (0...255).map { byte in
        switch UInt8(byte) {
        case 0..<0x20, UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"): 1
        case 0xE2: 2
        default: 0
        }
    }

    /// The bytes of a string's contents, escaped (read in place, not copied into an array): the
    /// runs between escapes are appended whole, not byte by byte.
    private static func writeEscaped(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        byteClass.withUnsafeBufferPointer { byteClass in
            var index = 0
            // Where the bytes not yet appended, which need no escape, start.
            var plain = 0
            func appendPlain() {
                if plain < index { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[plain..<index])) }
            }
            func backslash(_ letter: UInt8) {
                out.append(UInt8(ascii: "\\"))
                out.append(letter)
            }
            while index < bytes.count {
                let byte = bytes[index]
                switch byteClass[Int(byte)] {
                case 0:
                    index += 1
                case 1:
                    appendPlain()
                    switch byte {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"): backslash(byte)
                    case UInt8(ascii: "\n"): backslash(UInt8(ascii: "n"))
                    case UInt8(ascii: "\r"): backslash(UInt8(ascii: "r"))
                    case UInt8(ascii: "\t"): backslash(UInt8(ascii: "t"))
                    default: unicodeEscape(UInt16(byte), to: &out)
                    }
                    index += 1
                    plain = index
                default:
                    if index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9) {
                        appendPlain()
                        unicodeEscape(bytes[index + 2] == 0xA8 ? 0x2028 : 0x2029, to: &out)
                        index += 3
                        plain = index
                    } else {
                        index += 1
                    }
                }
            }
            appendPlain()
        }
    }

    private static func unicodeEscape(_ value: UInt16, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\\"))
        out.append(UInt8(ascii: "u"))
        for shift in stride(from: 12, through: 0, by: -4) {
            out.append(hexDigits[Int((value >> UInt16(shift)) & 0xF)])
        }
    }
}

import Content

/// A JSON value whose objects keep the order they were written in, so JSON-LD comes out
/// byte-for-byte the same on every run.
enum JSONLD: Sendable {
    case string(String)
    case int(Int)
    case array([JSONLD])
    case object([(String, JSONLD)])

    /// Compact JSON that is safe inside `<script type="application/ld+json">`: besides JSON's own
    /// escapes, `<`, `>` and `&` become `\u003c`, `\u003e`, `\u0026` (so `</script>` and
    /// `<!--` cannot end or alter the script element), and U+2028/U+2029 are escaped too.
    var scriptSafe: String {
        var out: [UInt8] = []
        out.reserveCapacity(1024)
        write(to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    private func write(to out: inout [UInt8]) {
        switch self {
        case .string(let s): Self.writeString(s, to: &out)
        case .int(let n): out += String(n).utf8
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                item.write(to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            for (i, (key, value)) in members.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                Self.writeString(key, to: &out)
                out.append(UInt8(ascii: ":"))
                value.write(to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
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

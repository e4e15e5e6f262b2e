/// Plain text from a small HTML fragment (rendered Markdown), for places that cannot carry
/// markup: FAQ answers in JSON-LD and meta descriptions. Tags are dropped, the entities
/// cmark-gfm emits are decoded, and runs of white space become one space.
///
/// It works on UTF-8 bytes and copies each run of ordinary text at once: every role page turns
/// its verdict into plain text, and a character at a time was 3 % of a build. The bytes it
/// looks for (`<`, `>`, `&`, `;`, white space) never occur inside a multi-byte character.
enum PlainText {
    static func fromHTML(_ html: String) -> String {
        var html = html
        return html.withUTF8 { bytes in
            var scanner = Scanner()
            scanner.out.reserveCapacity(bytes.count)
            var index = 0
            while index < bytes.count {
                index = scanner.consume(bytes, at: index)
            }
            if let name = scanner.entity { scanner.append([UInt8(ascii: "&")] + name) }
            return String(decoding: scanner.out, as: UTF8.self)
        }
    }

    private struct Scanner {
        var out: [UInt8] = []
        var inTag = false
        var pendingSpace = false
        /// The bytes of an entity's name after its `&`, while reading one.
        var entity: [UInt8]?

        /// Reads what starts at `index` (one byte, one character of an entity's name, or a run
        /// of text) and returns where the next read starts.
        mutating func consume(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
            let byte = bytes[index]
            if inTag {
                if byte == UInt8(ascii: ">") { inTag = false; pendingSpace = pendingSpace || !out.isEmpty }
                return index + 1
            }
            if var name = entity {
                let end = min(index + PlainText.scalarLength(lead: byte), bytes.count)
                if byte == UInt8(ascii: ";") {
                    append(PlainText.decode(name))
                    entity = nil
                } else if PlainText.characterCount(name) < 10 {
                    name.append(contentsOf: bytes[index..<end])
                    entity = name
                } else {
                    // The character that makes the name too long is dropped with the entity.
                    append([UInt8(ascii: "&")] + name)
                    entity = nil
                }
                return end
            }
            switch byte {
            case UInt8(ascii: "<"): inTag = true
            case UInt8(ascii: "&"): entity = []
            case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\t"), UInt8(ascii: "\r"): pendingSpace = !out.isEmpty
            default:
                var end = index + 1
                while end < bytes.count, !PlainText.isSpecial(bytes[end]) { end += 1 }
                append(UnsafeBufferPointer(rebasing: bytes[index..<end]))
                return end
            }
            return index + 1
        }

        mutating func append(_ text: some Collection<UInt8>) {
            if pendingSpace, !out.isEmpty { out.append(UInt8(ascii: " ")) }
            pendingSpace = false
            out.append(contentsOf: text)
        }
    }

    private static func isSpecial(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "<"), UInt8(ascii: "&"), UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\t"), UInt8(ascii: "\r"): true
        default: false
        }
    }

    /// The bytes of the UTF-8 sequence `lead` starts (1 for a stray continuation byte).
    private static func scalarLength(lead: UInt8) -> Int {
        switch lead {
        case 0xF0...: 4
        case 0xE0...: 3
        case 0xC0...: 2
        default: 1
        }
    }

    /// An entity's name is limited in characters, as a reader sees them: in ASCII only `\r\n`
    /// is one character of two bytes.
    private static func characterCount(_ name: [UInt8]) -> Int {
        name.allSatisfy { $0 < 0x80 && $0 != UInt8(ascii: "\r") } ? name.count : String(decoding: name, as: UTF8.self).count
    }

    private static func decode(_ nameBytes: [UInt8]) -> [UInt8] {
        let name = String(decoding: nameBytes, as: UTF8.self)
        let decoded: String
        switch name {
        case "amp": decoded = "&"
        case "lt": decoded = "<"
        case "gt": decoded = ">"
        case "quot": decoded = "\""
        case "apos": decoded = "'"
        case "nbsp": decoded = "\u{00A0}"
        default:
            if name.hasPrefix("#x") || name.hasPrefix("#X"), let v = UInt32(name.dropFirst(2), radix: 16), let s = Unicode.Scalar(v) {
                decoded = String(s)
            } else if name.hasPrefix("#"), let v = UInt32(name.dropFirst()), let s = Unicode.Scalar(v) {
                decoded = String(s)
            } else {
                decoded = "&" + name + ";"
            }
        }
        return Array(decoded.utf8)
    }
}

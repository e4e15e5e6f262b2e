/// Text made safe to put into HTML or XML, in content or in a quoted attribute: the one escape
/// for the sitemap and for the messages `rolegen serve` shows in the browser.
public enum MarkupEscaping {
    /// `&`, `<`, `>`, `"` and `'` as entities (`&apos;` is valid in both XML and HTML5).
    ///
    /// Byte by byte (the five are ASCII, which UTF-8 never uses inside another character), and a
    /// text with none of them, as nearly every URL in a sitemap is, is returned as it is: built
    /// scalar by scalar, escaping the sitemap's URLs was 3 % of a build's instructions.
    public static func escape(_ text: String) -> String {
        let isEscaped = { (byte: UInt8) in
            byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "\"")
                || byte == UInt8(ascii: "'")
        }
        guard text.utf8.withContiguousStorageIfAvailable({ $0.contains(where: isEscaped) }) ?? text.utf8.contains(where: isEscaped) else {
            return text
        }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): out += "&amp;".utf8
            case UInt8(ascii: "<"): out += "&lt;".utf8
            case UInt8(ascii: ">"): out += "&gt;".utf8
            case UInt8(ascii: "\""): out += "&quot;".utf8
            case UInt8(ascii: "'"): out += "&apos;".utf8
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

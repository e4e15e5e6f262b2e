/// Plain text from a small HTML fragment (rendered Markdown), for places that cannot carry
/// markup: FAQ answers in JSON-LD and meta descriptions. Tags are dropped, the entities
/// cmark-gfm emits are decoded, and runs of white space become one space.
enum PlainText {
    static func fromHTML(_ html: String) -> String {
        // Built as UTF-8 bytes: a verdict has hundreds of scalars, and a `String` appended to
        // one scalar at a time costs several times more.
        var out: [UInt8] = []
        out.reserveCapacity(html.utf8.count)
        var inTag = false
        var pendingSpace = false
        var entity: String?
        for scalar in html.unicodeScalars {
            if inTag {
                if scalar == ">" { inTag = false; pendingSpace = pendingSpace || !out.isEmpty }
                continue
            }
            if var name = entity {
                if scalar == ";" {
                    append(decode(name), to: &out, pendingSpace: &pendingSpace)
                    entity = nil
                } else if name.count < 10 {
                    name.unicodeScalars.append(scalar)
                    entity = name
                } else {
                    append("&" + name, to: &out, pendingSpace: &pendingSpace)
                    entity = nil
                }
                continue
            }
            switch scalar {
            case "<": inTag = true
            case "&": entity = ""
            case " ", "\n", "\t", "\r": pendingSpace = !out.isEmpty
            default:
                if pendingSpace, !out.isEmpty { out.append(UInt8(ascii: " ")) }
                pendingSpace = false
                UTF8.encode(scalar) { out.append($0) }
            }
        }
        if let name = entity { append("&" + name, to: &out, pendingSpace: &pendingSpace) }
        return String(decoding: out, as: UTF8.self)
    }

    private static func append(_ text: String, to out: inout [UInt8], pendingSpace: inout Bool) {
        if pendingSpace, !out.isEmpty { out.append(UInt8(ascii: " ")) }
        pendingSpace = false
        out.append(contentsOf: text.utf8)
    }

    private static func decode(_ name: String) -> String {
        switch name {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        case "nbsp": return "\u{00A0}"
        default:
            if name.hasPrefix("#x") || name.hasPrefix("#X"), let v = UInt32(name.dropFirst(2), radix: 16), let s = Unicode.Scalar(v) {
                return String(s)
            }
            if name.hasPrefix("#"), let v = UInt32(name.dropFirst()), let s = Unicode.Scalar(v) {
                return String(s)
            }
            return "&" + name + ";"
        }
    }
}

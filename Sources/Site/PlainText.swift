/// Plain text from a small HTML fragment (rendered Markdown), for places that cannot carry
/// markup: FAQ answers in JSON-LD and meta descriptions. Tags are dropped, the entities
/// cmark-gfm emits are decoded, and runs of white space become one space.
enum PlainText {
    static func fromHTML(_ html: String) -> String {
        var out = ""
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
            default: append(String(scalar), to: &out, pendingSpace: &pendingSpace)
            }
        }
        if let name = entity { append("&" + name, to: &out, pendingSpace: &pendingSpace) }
        return out
    }

    private static func append(_ text: String, to out: inout String, pendingSpace: inout Bool) {
        if pendingSpace, !out.isEmpty { out += " " }
        pendingSpace = false
        out += text
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

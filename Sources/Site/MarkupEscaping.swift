/// Text made safe to put into HTML or XML, in content or in a quoted attribute: the one escape
/// for the sitemap and for the messages `rolegen serve` shows in the browser.
public enum MarkupEscaping {
    /// `&`, `<`, `>`, `"` and `'` as entities (`&apos;` is valid in both XML and HTML5).
    public static func escape(_ text: String) -> String {
        var out = ""
        for c in text.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}

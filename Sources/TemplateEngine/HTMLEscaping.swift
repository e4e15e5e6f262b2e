/// The escape `{{name}}` applies, for callers that build HTML themselves and hand it to a
/// template as markup (`{{{name}}}`): the bytes are then the same as if the template had
/// escaped the text, so a value can move between the two forms without changing the page.
public enum HTMLEscaping {
    /// `text` with `& < > " '` replaced by `&amp; &lt; &gt; &quot; &#39;`.
    public static func escape(_ text: String) -> String {
        // Most UI strings and titles have nothing to escape: they are returned as they are,
        // without a copy.
        let needsEscaping = text.utf8.withContiguousStorageIfAvailable { $0.contains(where: isEscaped) } ?? text.utf8.contains(where: isEscaped)
        guard needsEscaping else { return text }
        var output = OutputBytes(capacity: text.utf8.count + 16)
        output.appendEscaped(text)
        return output.string()
    }

    private static func isEscaped(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"): true
        default: false
        }
    }
}

/// The escape `{{name}}` applies, for callers that build HTML themselves and hand it to a
/// template as markup (`{{{name}}}`): the bytes are then the same as if the template had
/// escaped the text, so a value can move between the two forms without changing the page.
public enum HTMLEscaping {
    /// `text` with `& < > " '` replaced by `&amp; &lt; &gt; &quot; &#39;`.
    public static func escape(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 16)
        bytes.appendEscaped(text)
        return String(decoding: bytes, as: UTF8.self)
    }
}

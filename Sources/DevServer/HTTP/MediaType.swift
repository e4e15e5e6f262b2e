/// The Content-Type of a file, from its extension: the kinds of file a rolegen site holds.
enum MediaType {
    /// Extension (lowercased) → media type. Text types get `; charset=utf-8` because rolegen
    /// writes every text file in UTF-8 and a browser must not guess otherwise.
    private static let byExtension: [String: (type: String, isText: Bool)] = [
        "html": ("text/html", true),
        "htm": ("text/html", true),
        "css": ("text/css", true),
        "js": ("text/javascript", true),
        "mjs": ("text/javascript", true),
        "svg": ("image/svg+xml", true),
        "xml": ("application/xml", true),
        "txt": ("text/plain", true),
        "json": ("application/json", true),
        "png": ("image/png", false),
        "jpg": ("image/jpeg", false),
        "jpeg": ("image/jpeg", false),
        "webp": ("image/webp", false),
        "ico": ("image/x-icon", false),
        "woff2": ("font/woff2", false),
    ]

    /// The Content-Type header value for a file name; `application/octet-stream` when the
    /// extension is unknown, so a browser downloads rather than renders what it cannot know.
    static func forFile(named name: String) -> String {
        guard let dot = name.lastIndex(of: "."), let known = byExtension[name[name.index(after: dot)...].lowercased()] else {
            return "application/octet-stream"
        }
        return known.isText ? known.type + "; charset=utf-8" : known.type
    }
}

import CCmarkGFM

/// Placeholder until the Markdown module lands.
public enum MarkdownPlaceholder {
    public static func version() -> String {
        cmark_gfm_core_extensions_ensure_registered()
        return String(cString: cmark_version_string())
    }
}

import CCmarkGFM

extension MarkdownRenderer {
    /// The version of the cmark-gfm library linked in, e.g. "0.29.0.gfm.6", for `--version`
    /// output and bug reports (GFM output differs between releases).
    public static var libraryVersion: String {
        String(cString: cmark_version_string())
    }
}

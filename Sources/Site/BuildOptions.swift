import Foundation

/// What `rolegen build` was asked to do.
public struct BuildOptions: Sendable {
    /// The site root: holds `site.json`, `content/`, `locales/` and `templates/`.
    public var root: URL
    /// Where the site is written; `<root>/public` by default. Replaced only when the whole
    /// build succeeded.
    public var output: URL
    /// Turns every fallback to the default locale into an error (CI for a finished translation).
    public var strict: Bool
    /// Overrides `baseURL` from `site.json` (a staging deploy under another host).
    public var baseURL: String?
    /// When false, everything is checked and rendered but nothing is written (`rolegen check`).
    public var writeOutput: Bool
    /// Replaces an output folder that holds files rolegen did not write (`--force`). Never
    /// lets the output be the site root or one of its sources.
    public var force: Bool
    /// Called with a sentence when the build waits for another build into the same output
    /// folder to finish (the CLI prints it on stderr).
    public var waiting: @Sendable (String) -> Void

    public init(root: URL, output: URL? = nil, strict: Bool = false, baseURL: String? = nil, writeOutput: Bool = true,
                force: Bool = false, waiting: @escaping @Sendable (String) -> Void = { _ in }) {
        self.root = root
        self.output = output ?? root.appendingPathComponent("public")
        self.strict = strict
        self.baseURL = baseURL
        self.writeOutput = writeOutput
        self.force = force
        self.waiting = waiting
    }
}

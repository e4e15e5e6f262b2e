import Content
import Foundation

/// What `rolegen build` was asked to do.
public struct BuildOptions: Sendable {
    /// The site root: holds `site.json`, `content/`, `locales/` and `templates/`.
    public var root: URL
    /// Where the site is written; `<root>/public` by default. Replaced only when the whole
    /// build succeeded.
    public var output: URL
    /// The locales in which every fallback and outdated translation is an error (CI for a
    /// finished translation).
    public var strict: StrictTranslations
    /// Overrides `baseURL` from `site.json` (a staging deploy under another host).
    public var baseURL: String?
    /// When false, everything is checked and rendered but nothing is written (`rolegen check`).
    public var writeOutput: Bool
    /// Values of `site.json` replaced for this build (`--set KEY=VALUE`), applied in order
    /// after `baseURL`.
    public var overrides: [SiteOverride]
    /// Turns every warning into an error, so that a build with warnings fails (and writes nothing).
    public var warningsAsErrors: Bool
    /// Updated as the build goes, for a progress line; nil when nobody watches.
    public var progress: BuildProgress?

    public init(
        root: URL, output: URL? = nil, strict: StrictTranslations = .off, baseURL: String? = nil, writeOutput: Bool = true,
        overrides: [SiteOverride] = [], warningsAsErrors: Bool = false, progress: BuildProgress? = nil
    ) {
        self.root = root
        self.output = output ?? root.appendingPathComponent("public")
        self.strict = strict
        self.baseURL = baseURL
        self.writeOutput = writeOutput
        self.overrides = overrides
        self.warningsAsErrors = warningsAsErrors
        self.progress = progress
    }
}

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
    /// Replaces an output folder that holds files rolegen did not write (`--force`). Never
    /// lets the output be the site root or one of its sources.
    public var force: Bool
    /// Called with a sentence when the build waits for another build into the same output
    /// folder to finish (the CLI prints it on stderr).
    public var waiting: @Sendable (String) -> Void
    /// The role-page sections the build can render, in their default page order:
    /// `RolePageSections.standard`, or those and a site's own (CONTRIBUTING.md, "Add a section").
    public var roleSections: [any RolePageSection]
    /// Renders every page and writes every file, ignoring what the previous build into the
    /// output folder recorded (`--clean`). Without it a build re-renders only the pages whose
    /// inputs changed (see `IncrementalBuild`).
    public var clean: Bool
    /// Role folders as last read, kept by a process that builds the same site again and again
    /// (`rolegen serve`), so that an unchanged folder is not read again; nil for one build.
    public var roleCache: RoleReadingCache?
    /// Memory a build may spend keeping roles whole, so that their folders are read once, not
    /// again for their pages (`ContentLoader.load(keptTexts:)`): 160 MiB less 5 KiB a role, and
    /// at least 64 MiB. A site of up to about 6,000 roles of the benchmark's size (22 KiB each
    /// kept whole) reads every folder once; from about 19,700 roles the build keeps 64 MiB of
    /// them (about 2,700 roles), so its memory does not grow with the site. Measured in docs/benchmarks.md
    /// ("Roles kept whole by the site's size"): a 5,000-role build ran 4.4 % fewer instructions
    /// than with a fixed 64 MiB, and its peak memory went from 134 to 172 MiB.
    var keptTexts = KeptTextAllowance(bytes: 160 << 20, lessPerRole: 5 << 10, atLeast: 64 << 20)
    /// How much one sitemap file may hold before the sitemap is split (`Sitemap`): sitemaps.org's
    /// limits; lower for tests.
    var sitemapLimits = Sitemap.Limits.sitemaps
    /// Called once the content is loaded, before any page is rendered: for tests, to change a
    /// role's files in between (the build must report it, not publish pages it never checked).
    var afterLoading: (@Sendable () -> Void)?

    public init(
        root: URL, output: URL? = nil, strict: StrictTranslations = .off, baseURL: String? = nil, writeOutput: Bool = true,
        overrides: [SiteOverride] = [], warningsAsErrors: Bool = false, progress: BuildProgress? = nil,
        force: Bool = false, waiting: @escaping @Sendable (String) -> Void = { _ in },
        roleSections: [any RolePageSection] = RolePageSections.standard, clean: Bool = false
    ) {
        self.root = root
        self.output = output ?? root.appendingPathComponent("public")
        self.strict = strict
        self.baseURL = baseURL
        self.writeOutput = writeOutput
        self.overrides = overrides
        self.warningsAsErrors = warningsAsErrors
        self.progress = progress
        self.force = force
        self.waiting = waiting
        self.roleSections = roleSections
        self.clean = clean
    }

    /// These options with a role cache (kept unless there is one already): for a process that
    /// builds the same site again and again.
    public func keepingRoleReadings() -> BuildOptions {
        var options = self
        options.roleCache = roleCache ?? RoleReadingCache()
        return options
    }
}

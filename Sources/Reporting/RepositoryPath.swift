import Foundation

/// Where a site root lies inside its repository, for annotations: GitHub matches an
/// annotation's `file` against paths from the repository's root, and a site may live in a
/// subfolder (`docs/careers/`). The repository is `GITHUB_WORKSPACE` when the root is inside
/// it, else the nearest folder above the root that holds `.git`.
public enum RepositoryPath {
    /// The root's path relative to the repository, ending with `/`, or `""` when the root is
    /// the repository (or no repository is found: paths then stay relative to the root).
    public static func prefix(ofSiteRoot root: URL, environment: [String: String]) -> String {
        let site = root.resolvingSymlinksInPath().standardizedFileURL.path
        if let workspace = environment["GITHUB_WORKSPACE"], !workspace.isEmpty {
            let top = URL(fileURLWithPath: workspace).resolvingSymlinksInPath().standardizedFileURL.path
            if let relative = relativePath(site, inside: top) { return relative }
        }
        var folder = URL(fileURLWithPath: site)
        while true {
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent(".git").path) {
                return relativePath(site, inside: folder.path) ?? ""
            }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { return "" }
            folder = parent
        }
    }

    /// `site` relative to `top` with a trailing `/` (`""` when they are the same), or nil when
    /// `site` is not inside `top`.
    private static func relativePath(_ site: String, inside top: String) -> String? {
        if site == top { return "" }
        let base = top.hasSuffix("/") ? top : top + "/"
        guard site.hasPrefix(base) else { return nil }
        return String(site.dropFirst(base.count)) + "/"
    }
}

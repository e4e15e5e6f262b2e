import Foundation
import Site

/// The path part of the site's base URL: `/docs/` for `https://example.org/docs/`. rolegen links
/// every page under it while writing the files at the top of the output folder, so the preview
/// strips it from a request before looking the file up — and links work as they will online.
struct BasePath: Equatable, Sendable {
    /// Decoded segments, compared with a request's: `["docs"]`; empty for a site at the root.
    let segments: [String]
    /// `/` or `/docs/`, as written in URLs (still percent-encoded).
    let path: String

    static let root = BasePath(baseURL: "/")

    /// The path of `baseURL` (`https://host/a/b/` → `a`, `b`). The same split rolegen uses for
    /// links: everything after the host.
    init(baseURL: String) {
        var rest = baseURL[...]
        if let scheme = rest.range(of: "://") { rest = rest[scheme.upperBound...] }
        let encoded = rest.drop { $0 != "/" }.split(separator: "/")
        segments = encoded.map { String($0).removingPercentEncoding ?? String($0) }
        path = "/" + encoded.map { $0 + "/" }.joined()
    }

    /// The base path a build with `options` links under: `--base-url` when given, else
    /// `site.json`'s `baseURL`. A `site.json` that cannot be read yet (the build reports why)
    /// gives the root.
    static func configured(for options: BuildOptions) -> BasePath {
        if let override = options.baseURL { return BasePath(baseURL: override) }
        /// Only the one field matters here; `Content` checks the whole file during the build.
        struct SiteJSON: Decodable { var baseURL: String }
        guard let data = try? Data(contentsOf: options.root.appendingPathComponent("site.json")),
              let site = try? JSONDecoder().decode(SiteJSON.self, from: data)
        else { return .root }
        return BasePath(baseURL: site.baseURL)
    }

    /// The segments of a request below the base path, or nil when the request is outside it.
    func relative(_ requested: [String]) -> [String]? {
        guard requested.starts(with: segments) else { return nil }
        return Array(requested.dropFirst(segments.count))
    }
}

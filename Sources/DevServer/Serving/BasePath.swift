import Foundation
import Site

/// The path part of the site's base URL: `/docs/` for `https://example.org/docs/`. rolegen links
/// every page under it while writing the files at the top of the output folder, so the preview
/// strips it from a request before looking the file up — and links work as they will online.
///
/// The server never works it out from site.json itself: each build reports the path it linked
/// its pages under (`BuildReport.basePath`), so the preview and the links cannot disagree.
struct BasePath: Equatable, Sendable {
    /// Decoded segments, compared with a request's: `["docs"]`; empty for a site at the root.
    let segments: [String]
    /// `/` or `/docs/`, as written in URLs (still percent-encoded).
    let path: String

    static let root = BasePath(path: "/")

    /// `path` as a build reports it (`/`, `/docs/`, percent-encoded).
    init(path: String) {
        let encoded = path.split(separator: "/")
        segments = encoded.map { String($0).removingPercentEncoding ?? String($0) }
        self.path = "/" + encoded.map { $0 + "/" }.joined()
    }

    /// The base path a build reported; the root when it stopped before knowing it.
    init(of report: BuildReport) {
        self = report.basePath.map(BasePath.init(path:)) ?? .root
    }

    /// The segments of a request below the base path, or nil when the request is outside it.
    func relative(_ requested: [String]) -> [String]? {
        guard requested.starts(with: segments) else { return nil }
        return Array(requested.dropFirst(segments.count))
    }
}

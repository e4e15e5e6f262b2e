/// Decides what to answer to a request: the serving rules of the preview, free of sockets so
/// tests can state them directly.
///
/// - `/x/` serves `x/index.html`; `/x` where `x` is a folder redirects to `/x/`;
/// - anything else unknown is a 404 with the site's own not-found page when it has one: the
///   `404.html` of the closest folder above the path that has one (`/fr/…` gets `fr/404.html`,
///   in French), else the one at the top;
/// - paths are taken below the site's base path (`/docs/` for `https://host/docs/`).
struct PreviewResponder: Sendable {
    let files: OutputFiles

    /// `method` as sent (methods are case-sensitive); `target` the request target, still
    /// percent-encoded.
    func response(method: String, target: String, basePath: BasePath) -> PreviewResponse {
        guard method == "GET" || method == "HEAD" else { return .methodNotAllowed }
        let path: RequestPath
        do {
            path = try RequestPath(target: target)
        } catch {
            return .refusal(.badRequest, because: error)
        }
        guard let segments = basePath.relative(path.segments) else { return notFound(under: []) }
        switch files.entry(at: segments) {
        case .folder where path.endsWithSlash:
            guard case let .file(bytes) = files.entry(at: segments + ["index.html"]) else { return notFound(under: segments) }
            return .file(bytes, named: "index.html")
        case .folder:
            return .redirect(to: path.canonical + "/" + (path.query.map { "?" + $0 } ?? ""))
        case let .file(bytes) where !path.endsWithSlash:
            return .file(bytes, named: segments.last ?? "")
        case .file, .missing:
            return notFound(under: segments)
        }
    }

    /// The output file a page at `target` shows (`/en/` → `en/index.html`), for the live reload
    /// to know whether a build changed it; nil for a target outside the site.
    static func page(at target: String, basePath: BasePath) -> String? {
        guard let path = try? RequestPath(target: target), let segments = basePath.relative(path.segments) else { return nil }
        return (path.endsWithSlash || segments.isEmpty ? segments + ["index.html"] : segments).joined(separator: "/")
    }

    /// With status 404, the `404.html` closest above `segments` (rolegen writes one per locale
    /// in `<locale>/` and one at the top), or a plain 404 when the site has none yet.
    private func notFound(under segments: [String]) -> PreviewResponse {
        for depth in stride(from: segments.count, through: 0, by: -1) {
            if case let .file(bytes) = files.entry(at: Array(segments.prefix(depth)) + ["404.html"]) {
                return .file(bytes, named: "404.html", status: .notFound)
            }
        }
        return .text(.notFound)
    }
}

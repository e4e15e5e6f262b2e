/// What an open page is told over its event stream (`/__rolegen/events`) after a build, as
/// Server-Sent Events. The injected `ReloadClient` script acts on each.
enum ReloadEvent: Equatable, Sendable {
    /// The page's file changed (or the page showed the first build's error page): reload it.
    case reload
    /// Only stylesheets changed: swap them in without reloading.
    case stylesheet
    /// The page's file no longer exists in the new build: show `notice` over it.
    case removed(notice: String)
    /// The build failed: show `overlay` (the diagnostics, HTML-escaped) over the page.
    case failed(overlay: String)
    /// The build succeeded and did not change the page: hide the overlay it may show.
    case fixed
    /// Nothing happened; sent now and then so that a stream whose page has gone away fails to
    /// write and is dropped (a browser ignores it: it is an SSE comment).
    case keepAlive

    /// The event's name, which the client listens for.
    var name: String {
        switch self {
        case .reload: "reload"
        case .stylesheet: "css"
        case .removed: "removed"
        case .failed: "failed"
        case .fixed: "fixed"
        case .keepAlive: "keep-alive"
        }
    }

    /// `event: NAME` and one `data:` line per line of the payload, then a blank line. Every
    /// event carries data: a browser drops an event whose data is empty.
    var serialized: String {
        if self == .keepAlive { return ": keep-alive\n\n" }
        let data: String
        switch self {
        case let .removed(html), let .failed(html): data = html
        default: data = name
        }
        let lines = data.split(separator: "\n", omittingEmptySubsequences: false).map { "data: \($0)\n" }.joined()
        return "event: \(name)\n\(lines)\n"
    }

    /// What an open page showing `page` (a file path relative to the output folder) is told
    /// after a successful build that changed `changes`; nil when the page stays as it is.
    /// `showsError` says whether the page shows the error page or an overlay at the moment.
    static func after(_ changes: OutputChanges, page: String, pageExists: Bool, showsErrorPage: Bool,
                      showsOverlay: Bool) -> ReloadEvent? {
        if showsErrorPage { return .reload }
        if changes.contains(page) {
            return pageExists ? .reload : .removed(notice: BrowserMessages.removedNotice(page: page))
        }
        if changes.touchesStylesheets { return .stylesheet }
        return showsOverlay ? .fixed : nil
    }
}

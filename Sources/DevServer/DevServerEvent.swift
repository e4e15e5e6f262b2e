import Site

/// What the server tells its owner (the CLI prints these). Events arrive on the server's own
/// threads; a handler must be quick and must not call `DevServer.stop()`.
public enum DevServerEvent: Sendable {
    /// Watched files changed and a rebuild starts. Paths are relative to the site root, sorted.
    case rebuilding(changed: [String])
    /// A build finished: the first inside `DevServer.start`, then one per change. A failed
    /// build left the output folder untouched, so the last good site is still served.
    case built(BuildReport)
    /// A request was answered: `GET /en/` (method and target as sent), and its status.
    case served(request: String, status: HTTPStatus)
    /// A first SIGINT or SIGTERM arrived (`stopOnSignals`): the server stops once a running
    /// build has finished; a second signal stops it at once.
    case stopping
}

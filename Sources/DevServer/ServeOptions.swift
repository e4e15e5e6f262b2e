import Site

/// What `rolegen serve` was asked to do: which site to build, and how to serve it.
public struct ServeOptions: Sendable {
    /// The build run at start and on every change; `build.output` is the folder served.
    public var build: BuildOptions
    /// The address listened on: `127.0.0.1` unless the user opts into another with `--host`.
    public var host: String
    /// The TCP port; 0 lets the system pick a free one (see `DevServer.port`).
    public var port: UInt16
    /// How long the sources must stay quiet after a change before the rebuild starts: a save
    /// that writes several files starts one rebuild.
    public var debounce: Duration
    /// Whether a failed build is shown in the browser (an overlay over each open page, and an
    /// error page for every URL while no build has succeeded). `--no-browser-errors` turns it off.
    public var browserErrors: Bool
    /// How long a keep-alive connection may stay idle (no request, or a request head that never
    /// completes) before it is closed.
    public var idleTimeout: Duration
    /// How often open pages' event streams get a keep-alive comment, which is how a stream
    /// whose page went away without closing it is noticed and dropped.
    public var keepAliveInterval: Duration
    /// SIGINT and SIGTERM stop the server (`DevServer.stopOnSignals`), from before the first
    /// build on. For a process that owns these signals (the CLI).
    public var stopsOnSignals: Bool

    public init(build: BuildOptions, host: String = ServeOptions.loopback, port: UInt16 = 8080,
                debounce: Duration = .milliseconds(50), browserErrors: Bool = true, idleTimeout: Duration = .seconds(30),
                keepAliveInterval: Duration = .seconds(15), stopsOnSignals: Bool = false) {
        self.build = build
        self.host = host
        self.port = port
        self.debounce = debounce
        self.browserErrors = browserErrors
        self.idleTimeout = idleTimeout
        self.keepAliveInterval = keepAliveInterval
        self.stopsOnSignals = stopsOnSignals
    }

    /// The default address: IPv4 loopback, unreachable from other machines.
    public static let loopback = "127.0.0.1"

    /// Whether `host` is a loopback address (`127.0.0.0/8`, `::1`, `localhost`): anything else
    /// exposes unpublished content to the network, and the CLI warns about it.
    public static func isLoopback(_ host: String) -> Bool {
        if host == "localhost" || host == "::1" || host == "[::1]" { return true }
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { UInt8($0) != nil }
    }
}

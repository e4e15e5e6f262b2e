import Site

/// What `rolegen serve` was asked to do: which site to build, and how to serve it.
public struct ServeOptions: Sendable {
    /// The build run at start and on every change; `build.output` is the folder served.
    public var build: BuildOptions
    /// The TCP port on 127.0.0.1; 0 lets the system pick a free one (see `DevServer.port`).
    public var port: UInt16
    /// How often the sources are checked for changes.
    public var pollInterval: Duration
    /// How long a client may take to send its request head, and to accept a response, before
    /// it is cut off.
    public var requestTimeout: Duration
    /// The largest request head read (request line and headers); larger gets 431.
    public var maxHeadBytes: Int
    /// Connections served at once; more get 503 straight away.
    public var maxConnections: Int
    /// SIGINT and SIGTERM stop the server (`DevServer.stopOnSignals`), from before the first
    /// build on. For a process that owns these signals (the CLI).
    public var stopsOnSignals: Bool

    public init(build: BuildOptions, port: UInt16 = 8080, pollInterval: Duration = .milliseconds(500),
                requestTimeout: Duration = .seconds(5), maxHeadBytes: Int = 8192, maxConnections: Int = 64,
                stopsOnSignals: Bool = false) {
        self.build = build
        self.port = port
        self.pollInterval = pollInterval
        self.requestTimeout = requestTimeout
        self.maxHeadBytes = maxHeadBytes
        self.maxConnections = maxConnections
        self.stopsOnSignals = stopsOnSignals
    }
}

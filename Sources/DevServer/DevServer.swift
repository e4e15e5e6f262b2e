import Dispatch
import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import Site
import Synchronization

/// `rolegen serve`: builds the site, serves the output folder over HTTP (Hummingbird, on
/// 127.0.0.1 unless told otherwise), rebuilds whenever the kernel reports a changed source
/// file, and tells open pages to reload — or shows them the diagnostics of a failed build.
///
/// Threads: Hummingbird's event loops answer requests; one thread waits for file changes and
/// runs the rebuilds, so rebuilds never overlap, and requests keep being answered from the last
/// good tree while one runs (the build swaps the output folder atomically).
public final class DevServer: Sendable {
    public let options: ServeOptions

    private let rebuilder: any Rebuilder
    private let watcher: SourceWatcher
    private let responder: PreviewResponder
    private let state: BuildState
    let events: @Sendable (DevServerEvent) -> Void
    private let stopRequested = Atomic<Bool>(false)
    /// The watcher thread; `stop()` waits for it (and so for a running rebuild).
    private let workers = DispatchGroup()
    /// Left when the server has stopped, for `waitUntilStopped()`.
    private let running = DispatchGroup()
    /// The task running the HTTP server, cancelled by `stop()`; signalled when it has ended.
    private let serverTask = Mutex<Task<Void, Never>?>(nil)
    /// Sends the event streams their keep-alive comments; cancelled by `stop()`.
    private let keepAliveTask = Mutex<Task<Void, Never>?>(nil)
    private let serverEnded = DispatchSemaphore(value: 0)
    /// The address and port the socket is bound to, once listening.
    private let bound = Mutex<(host: String?, port: UInt16)>((nil, 0))

    private init(options: ServeOptions, rebuilder: any Rebuilder, watcher: SourceWatcher,
                 events: @escaping @Sendable (DevServerEvent) -> Void) {
        self.options = options
        self.rebuilder = rebuilder
        self.watcher = watcher
        self.events = events
        responder = PreviewResponder(files: OutputFiles(folder: options.build.output.path))
        state = BuildState(basePath: .root, browserErrors: options.browserErrors)
        running.enter()
    }

    /// Starts watching the sources, listens on `options.host:port` (before building, so a taken
    /// port fails before a long build), builds the site once — reported as `.built` before this
    /// returns — then rebuilds on every change. A failed first build does not stop the server:
    /// every URL answers with the diagnostics (or, with browser errors off, with whatever the
    /// output folder holds) until a build succeeds. `rebuilder` defaults to a full build.
    public static func start(_ options: ServeOptions, rebuilder: (any Rebuilder)? = nil,
                             events: @escaping @Sendable (DevServerEvent) -> Void = { _ in }) throws(ServeError) -> DevServer {
        let watcher = try SourceWatcher(root: options.build.root)
        let server = DevServer(options: options, rebuilder: rebuilder ?? SiteRebuilder(options: options.build),
                               watcher: watcher, events: events)
        try server.listen()
        server.keepAliveTask.withLock { [state = server.state] task in
            task = Task {
                while (try? await Task.sleep(for: options.keepAliveInterval)) != nil { state.keepAlive() }
            }
        }
        // Before the first build, which may be long or wait for another build's lock: a signal
        // meanwhile must stop the server, not be lost or kill it mid-write.
        if options.stopsOnSignals { server.stopOnSignals() }
        // One worker from the first build to the watcher's end: a stop requested during the first
        // build waits for it, and the watcher then returns at once (`wake()` stays signalled).
        server.workers.enter()
        server.build(changed: [])
        // Builds run on this thread; template rendering recurses, so it gets a main-sized stack.
        let thread = Thread { [server] in
            while let changed = server.watcher.waitForChanges(debounce: options.debounce) {
                server.events(.rebuilding(changed: changed))
                server.build(changed: changed)
            }
            server.workers.leave()
        }
        thread.stackSize = 8 << 20
        thread.start()
        return server
    }

    /// The port listened on: `options.port`, or the one the system chose for port 0.
    public var port: UInt16 { bound.withLock { $0.port } }

    /// The listening socket's address as the kernel reports it: `127.0.0.1` by default.
    public var listeningHost: String? { bound.withLock { $0.host } }

    /// `http://127.0.0.1:8080/`, with the site's base path (`…/docs/`) when it has one.
    public var url: String {
        let host = options.host.contains(":") && !options.host.hasPrefix("[") ? "[\(options.host)]" : options.host
        return "http://\(host):\(port)\(state.snapshot.basePath.path)"
    }

    /// Stops watching, lets a running rebuild finish so the output folder is never left to a
    /// killed build, ends the pages' event streams, closes the socket and open connections (a
    /// preview has nothing worth waiting for a slow client) and returns when all has ended.
    /// Safe to call more than once and from any thread but the server's own (an event handler).
    public func stop() {
        if stopRequested.compareExchange(expected: false, desired: true, ordering: .sequentiallyConsistent).exchanged {
            watcher.wake()
            workers.wait()
            rebuilder.close()
            keepAliveTask.withLock { $0 }?.cancel()
            state.close()
            serverTask.withLock { $0 }?.cancel()
            serverEnded.wait()
            running.leave()
        }
        running.wait()
    }

    /// Blocks until `stop()` has finished (for the CLI's main thread).
    public func waitUntilStopped() {
        running.wait()
    }

    // MARK: Serving

    /// Runs Hummingbird in a task and waits until it listens, or has failed to.
    private func listen() throws(ServeError) {
        let started = DispatchSemaphore(value: 0)
        let failure = Mutex<ServeError?>(nil)
        let http1 = HTTP1Channel.Configuration(idleTimeout: .milliseconds(Int64(options.idleTimeout / .milliseconds(1))))
        let app = Application(
            responder: PreviewHTTPResponder(server: self),
            server: .http1(configuration: http1),
            configuration: ApplicationConfiguration(address: .hostname(options.host, port: Int(options.port))),
            onServerRunning: { [self] channel in
                bound.withLock { $0 = (channel.localAddress?.ipAddress, UInt16(channel.localAddress?.port ?? 0)) }
                started.signal()
            },
            // Hummingbird logs to stderr by default; the CLI prints what the user needs itself.
            logger: Logger(label: "rolegen.serve", factory: { _ in SwiftLogNoOpLogHandler() })
        )
        let options = options
        let task = Task { [serverEnded] in
            do {
                try await app.run()
            } catch {
                failure.withLock { $0 = ServeError(listening: error, host: options.host, port: options.port) }
            }
            started.signal()
            serverEnded.signal()
        }
        serverTask.withLock { $0 = task }
        started.wait()
        if let error = failure.withLock({ $0 }) {
            serverEnded.wait()
            throw error
        }
    }

    /// What a request gets: the preview's answer, with the reload script in every HTML page.
    /// While no build has succeeded and the last one failed, every GET or HEAD gets the
    /// diagnostics as a page (status 500) instead.
    func answer(method: String, target: String) -> PreviewResponse {
        let snapshot = state.snapshot
        var response: PreviewResponse
        if method == "GET" || method == "HEAD", let failure = state.firstBuildFailure {
            response = .html(BrowserMessages.firstBuildFailedPage(failure), status: .internalServerError)
        } else {
            response = responder.response(method: method, target: target, basePath: snapshot.basePath)
        }
        if response.isHTML {
            response.body = ReloadClient.inject(into: response.body, generation: snapshot.generation)
        }
        events(.served(request: "\(method) \(target)", status: response.status))
        return response
    }

    /// How many pages listen for builds (for tests).
    var listenerCount: Int { state.listenerCount }

    /// Waits until a page's event stream has ended (for tests): true when one did within
    /// `seconds`.
    func waitForListenerToLeave(seconds: Double = 30) -> Bool {
        state.listenerLeft.wait(timeout: .now() + seconds) == .success
    }

    /// The event stream of the page at `page` (its URL path), served after `generation` builds.
    func listen(page: String, generation: Int) -> AsyncStream<ReloadEvent> {
        let file = PreviewResponder.page(at: page, basePath: state.snapshot.basePath) ?? ""
        return state.listen(page: file, generation: generation)
    }

    // MARK: Rebuilding

    private func build(changed: [String]) {
        let result = rebuilder.rebuild(changedSources: changed)
        if result.report.succeeded {
            let output = options.build.output.path
            state.succeeded(changes: result.changedOutputs, basePath: BasePath(of: result.report)) { page in
                FileManager.default.fileExists(atPath: output + "/" + page)
            }
        } else {
            state.failed(result.report.diagnostics)
        }
        events(.built(result.report))
    }
}

extension ServeError {
    /// The error Hummingbird (NIO) reported while binding, as something the user can act on.
    init(listening error: any Error, host: String, port: UInt16) {
        switch (error as? IOError)?.errnoCode {
        case EADDRINUSE: self = .portInUse(host, port)
        case EACCES: self = .portNotAllowed(port)
        case EADDRNOTAVAIL: self = .socketFailed(host, "it is not an address of this machine")
        default: self = .socketFailed(host, "\(error)")
        }
    }
}

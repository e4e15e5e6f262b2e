import Dispatch
import Foundation
import Site
import Synchronization

/// `rolegen serve`: builds the site, serves the output folder on 127.0.0.1 over HTTP/1.1, and
/// rebuilds whenever a source file changes.
///
/// Threads: one accepts connections, one per open connection answers it (each bounded by the
/// request timeout), one polls the sources and runs rebuilds — so rebuilds never overlap, and
/// requests keep being answered from the last good tree while one runs (the build swaps the
/// output folder atomically).
public final class DevServer: Sendable {
    public let options: ServeOptions

    private let listener: LoopbackListener
    private let responder: PreviewResponder
    let events: @Sendable (DevServerEvent) -> Void
    /// Re-read after each successful build: an edit of `baseURL` moves the preview with it.
    private let basePath: Mutex<BasePath>
    private let stopRequested = Atomic<Bool>(false)
    /// Signalled once by `stop()` to end the watcher's sleep early.
    private let wakeWatcher = DispatchSemaphore(value: 0)
    /// Every thread the server started; `stop()` waits for all of them.
    private let workers = DispatchGroup()
    /// Left when the server has stopped, for `waitUntilStopped()`.
    private let running = DispatchGroup()
    /// Descriptors of the connections being answered: counted against `maxConnections`, and
    /// interrupted by `stop()`. A descriptor leaves the set before it is closed, under the
    /// lock, so `stop()` never touches a number the system has handed out again.
    private let openConnections = Mutex<Set<Int32>>([])
    /// Signal sources installed by `stopOnSignals`, cancelled on stop.
    let signalSources = Mutex<[SignalSource]>([])
    /// SIGINT and SIGTERM received so far: the first stops cleanly, the second at once.
    let signalsReceived = Atomic<Int>(0)

    private init(options: ServeOptions, listener: LoopbackListener, events: @escaping @Sendable (DevServerEvent) -> Void) {
        self.options = options
        self.listener = listener
        self.events = events
        responder = PreviewResponder(files: OutputFiles(folder: options.build.output.path))
        basePath = Mutex(.configured(for: options.build))
        running.enter()
    }

    /// Binds 127.0.0.1:`options.port` (first, so a taken port fails before a long build),
    /// builds the site once — reported as `.built` before this returns — then starts serving
    /// and watching. A failed first build does not stop the server: it serves whatever the
    /// output folder holds and rebuilds when the sources change.
    public static func start(_ options: ServeOptions, events: @escaping @Sendable (DevServerEvent) -> Void = { _ in }) throws(ServeError) -> DevServer {
        let listener = try LoopbackListener(port: options.port)
        let server = DevServer(options: options, listener: listener, events: events)
        let sources = SourceFingerprint(root: options.build.root)
        if options.stopsOnSignals { server.stopOnSignals() }
        // Counted as a worker: a stop requested meanwhile waits for it, like for a rebuild.
        server.workers.enter()
        server.build()
        server.workers.leave()
        server.spawn { server.acceptConnections() }
        // Builds run on this thread; template rendering recurses, so it gets a main-sized stack.
        server.spawn(stackSize: 8 << 20) { server.watch(from: sources) }
        return server
    }

    /// The port listened on: `options.port`, or the one the system chose for port 0.
    public var port: UInt16 { listener.port }

    /// `http://127.0.0.1:8080/`, with the site's base path (`…/docs/`) when it has one.
    public var url: String { "http://127.0.0.1:\(port)\(basePath.withLock { $0.path })" }

    /// The listening socket's address as the kernel reports it (`getsockname`): `127.0.0.1`.
    public var listeningHost: String? { LoopbackListener.localAddress(of: listener.descriptor)?.host }

    /// Stops accepting, cuts open connections short (a preview has nothing worth waiting for a
    /// slow client), lets a running rebuild finish so the output folder is never left to a
    /// killed build, closes the socket and returns when every thread has ended. Safe to call
    /// more than once and from any thread but the server's own (an event handler).
    public func stop() {
        if stopRequested.compareExchange(expected: false, desired: true, ordering: .sequentiallyConsistent).exchanged {
            wakeWatcher.signal()
            openConnections.withLock { open in
                for descriptor in open { ClientConnection(descriptor: descriptor).interrupt() }
            }
            workers.wait()
            listener.close()
            // Cancelled last: a second signal while a rebuild finishes must still be heard.
            signalSources.withLock { sources in
                sources.forEach { $0.source.cancel() }
                sources.removeAll()
            }
            running.leave()
        }
        running.wait()
    }

    /// Blocks until `stop()` has finished (for the CLI's main thread).
    public func waitUntilStopped() {
        running.wait()
    }

    private var isStopping: Bool { stopRequested.load(ordering: .sequentiallyConsistent) }

    private func spawn(stackSize: Int? = nil, _ body: @escaping @Sendable () -> Void) {
        workers.enter()
        let thread = Thread { [workers] in
            body()
            workers.leave()
        }
        if let stackSize { thread.stackSize = stackSize }
        thread.start()
    }

    // MARK: Serving

    private func acceptConnections() {
        while !isStopping {
            guard let descriptor = listener.accept(waitingUpTo: 100) else { continue }
            let connection = ClientConnection(descriptor: descriptor)
            let admitted = openConnections.withLock { open in
                // Once stopping, `stop()` has interrupted the set already: take no more.
                guard open.count < options.maxConnections, !isStopping else { return false }
                open.insert(descriptor)
                return true
            }
            guard admitted else {
                // Answered here without reading the request, and with only a short linger:
                // this thread must not wait on anyone for long.
                connection.write(HTTPResponse.text(.serviceUnavailable).serialized(withBody: true), timeout: .milliseconds(50))
                connection.finish(lingering: .milliseconds(50))
                connection.release()
                continue
            }
            spawn { [self] in
                answer(connection)
                connection.finish()
                openConnections.withLock { _ = $0.remove(descriptor) }
                connection.release()
            }
        }
    }

    private func answer(_ connection: ClientConnection) {
        var requestLine = ""
        var isHead = false
        let response: HTTPResponse
        do throws(RequestError) {
            let head = try RequestHead(parsing: connection.readHead(limit: options.maxHeadBytes, timeout: options.requestTimeout).get())
            requestLine = head.requestLine
            isHead = head.method == "HEAD"
            response = responder.response(to: head, basePath: basePath.withLock { $0 })
        } catch {
            guard let status = error.status else { return }
            response = .refusal(status, because: error)
        }
        connection.write(response.serialized(withBody: !isHead), timeout: options.requestTimeout)
        events(.served(requestLine: requestLine, status: response.status))
    }

    // MARK: Rebuilding

    /// Polls the sources until stopped; a changed fingerprint starts a rebuild on this thread,
    /// so rebuilds are serialized. The fingerprint is taken before the build: an edit made
    /// while it runs is seen on the next poll and rebuilt again.
    private func watch(from initial: SourceFingerprint) {
        var last = initial
        let interval = DispatchTimeInterval.nanoseconds(Int(options.pollInterval / .nanoseconds(1)))
        while wakeWatcher.wait(timeout: .now() + interval) == .timedOut {
            let now = SourceFingerprint(root: options.build.root)
            guard now != last else { continue }
            events(.rebuilding(changed: now.changes(since: last)))
            last = now
            build()
        }
    }

    private func build() {
        let report = SiteBuilder.build(options.build)
        if report.succeeded {
            basePath.withLock { $0 = .configured(for: options.build) }
        }
        events(.built(report))
    }
}

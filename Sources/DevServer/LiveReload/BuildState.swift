import Diagnostics
import Dispatch
import Synchronization

/// What the server knows about its builds, and the pages listening for the next one: one lock
/// over both, so a page that connects while a build finishes gets either the old state and the
/// new event, or the new state — never neither.
final class BuildState: Sendable {
    /// The facts a request is answered from.
    struct Snapshot: Sendable {
        /// The last successful build's (the root until one succeeds): an edit of `baseURL` moves
        /// the preview with the next good build.
        var basePath: BasePath
        /// Successful builds so far; 0 until the first one succeeds.
        var generation = 0
        /// The diagnostics of the last build when it failed; nil when it succeeded (or none ran).
        var failure: [Diagnostic]?
    }

    /// An open page's event stream.
    private struct Listener {
        /// The output file the page shows: `en/index.html`.
        var page: String
        /// The page is the first build's error page (or from before the first build): any
        /// successful build reloads it.
        var showsErrorPage: Bool
        /// The page shows the failed-build overlay or the page-removed notice.
        var showsOverlay: Bool
        let continuation: AsyncStream<ReloadEvent>.Continuation
    }

    private struct State {
        var snapshot: Snapshot
        var listeners: [Int: Listener] = [:]
        var nextID = 0
        /// Set by `close()`: no stream is opened any more.
        var closed = false
    }

    private let state: Mutex<State>
    /// Whether failed builds are shown in the browser (`--no-browser-errors` turns it off).
    private let browserErrors: Bool

    init(basePath: BasePath, browserErrors: Bool) {
        state = Mutex(State(snapshot: Snapshot(basePath: basePath)))
        self.browserErrors = browserErrors
    }

    var snapshot: Snapshot { state.withLock { $0.snapshot } }

    /// The diagnostics to show as a page of their own for every URL: the last build failed and
    /// none has succeeded yet (nil otherwise, or when browser errors are off).
    var firstBuildFailure: [Diagnostic]? {
        state.withLock { $0.snapshot.generation == 0 && browserErrors ? $0.snapshot.failure : nil }
    }

    /// The event stream of a page that shows `page` and was served after `generation` builds.
    /// It starts with what the page has missed: a reload when a build finished since it was
    /// served, else the overlay when the last build failed.
    func listen(page: String, generation: Int) -> AsyncStream<ReloadEvent> {
        let (stream, continuation) = AsyncStream.makeStream(of: ReloadEvent.self, bufferingPolicy: .bufferingNewest(8))
        let id: Int? = state.withLock { state in
            guard !state.closed else { return nil }
            var listener = Listener(page: page, showsErrorPage: generation == 0, showsOverlay: false, continuation: continuation)
            if generation != state.snapshot.generation {
                continuation.yield(.reload)
            } else if let failure = state.snapshot.failure, browserErrors, state.snapshot.generation > 0 {
                continuation.yield(.failed(overlay: BrowserMessages.overlay(failure)))
                listener.showsOverlay = true
            }
            state.nextID += 1
            state.listeners[state.nextID] = listener
            return state.nextID
        }
        guard let id else {
            continuation.finish()
            return stream
        }
        continuation.onTermination = { [weak self] _ in
            self?.state.withLock { _ = $0.listeners.removeValue(forKey: id) }
            self?.listenerLeft.signal()
        }
        return stream
    }

    /// A build succeeded: each open page is told what it needs (see `ReloadEvent.after`).
    func succeeded(changes: OutputChanges, basePath: BasePath, pageExists: (String) -> Bool) {
        state.withLock { state in
            state.snapshot.generation += 1
            state.snapshot.failure = nil
            state.snapshot.basePath = basePath
            for (id, listener) in state.listeners {
                let event = ReloadEvent.after(changes, page: listener.page, pageExists: pageExists(listener.page),
                                              showsErrorPage: listener.showsErrorPage, showsOverlay: listener.showsOverlay)
                guard let event else { continue }
                listener.continuation.yield(event)
                state.listeners[id]?.showsErrorPage = false
                state.listeners[id]?.showsOverlay = if case .removed = event { true } else { false }
            }
        }
    }

    /// A build failed and left the output as it was: each open page shows the diagnostics over
    /// it; a page showing the error page reloads it (to show the new diagnostics).
    func failed(_ diagnostics: [Diagnostic]) {
        state.withLock { state in
            state.snapshot.failure = diagnostics
            guard browserErrors else { return }
            let overlay = BrowserMessages.overlay(diagnostics)
            for (id, listener) in state.listeners {
                if listener.showsErrorPage {
                    listener.continuation.yield(.reload)
                } else {
                    listener.continuation.yield(.failed(overlay: overlay))
                    state.listeners[id]?.showsOverlay = true
                }
            }
        }
    }

    /// Sends every open stream a keep-alive comment: the write to a page that went away fails,
    /// which ends its stream and drops it from the listeners.
    func keepAlive() {
        state.withLock { state in
            for listener in state.listeners.values { listener.continuation.yield(.keepAlive) }
        }
    }

    /// How many pages listen (for tests).
    var listenerCount: Int { state.withLock { $0.listeners.count } }

    /// Signalled each time a page's stream ends: a test waits on it instead of polling
    /// `listenerCount`.
    let listenerLeft = DispatchSemaphore(value: 0)

    /// Ends every event stream and refuses new ones: the server is stopping, and an open
    /// stream would hold its connection (and so the shutdown) open.
    func close() {
        let listeners = state.withLock { state in
            state.closed = true
            defer { state.listeners.removeAll() }
            return Array(state.listeners.values)
        }
        for listener in listeners { listener.continuation.finish() }
    }
}

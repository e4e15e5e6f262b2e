import Dispatch
#if canImport(Glibc)
import Glibc
#endif

extension DevServer {
    /// Makes SIGINT (Ctrl-C) and SIGTERM stop the server cleanly — a running rebuild
    /// completes, the socket is closed — instead of killing the process mid-write.
    /// `waitUntilStopped()` then returns. For a process that owns these signals (the CLI).
    public func stopOnSignals(_ signals: [Int32] = [SIGINT, SIGTERM]) {
        for number in signals {
            // The default action would end the process before the source sees the signal.
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [self] in stop() }
            source.resume()
            signalSources.withLock { $0.append(SignalSource(source: source)) }
        }
    }
}

/// Holds a signal source so that it stays alive until the server stops and cancels it.
/// libdispatch objects are thread-safe, but the Swift overlay does not mark its source
/// protocols `Sendable`; the server only ever cancels the source, once, under a lock.
struct SignalSource: @unchecked Sendable {
    let source: any DispatchSourceSignal
}

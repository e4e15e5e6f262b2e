import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension DevServer {
    /// Makes SIGINT (Ctrl-C) and SIGTERM stop the server cleanly — a running rebuild
    /// completes, the socket is closed — instead of killing the process mid-write.
    /// `waitUntilStopped()` then returns. A second signal while stopping ends the process at
    /// once (a rebuild that cannot finish, such as one waiting for another build's lock, must
    /// not make the server impossible to stop; the output folder is safe from a killed build).
    /// For a process that owns these signals (the CLI); `ServeOptions.stopsOnSignals` installs
    /// this before the first build.
    public func stopOnSignals(_ signals: [Int32] = [SIGINT, SIGTERM]) {
        for number in signals {
            // The default action would end the process before the source sees the signal.
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [self, source] in
                // Signals sent at once arrive as one event counting them (`data`).
                let received = signalsReceived.add(max(1, Int(source.data)), ordering: .sequentiallyConsistent).newValue
                if received > 1 { _exit(128 + number) }
                events(.stopping)
                // Not on this queue: the source would hold a second signal until `stop()` returns.
                Thread { self.stop() }.start()
            }
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

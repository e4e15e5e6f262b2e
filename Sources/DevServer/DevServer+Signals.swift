import Foundation
import LibC

extension DevServer {
    /// Makes SIGINT (Ctrl-C) and SIGTERM stop the server cleanly — a running rebuild
    /// completes, the socket is closed — instead of killing the process mid-write.
    /// `waitUntilStopped()` then returns. A second signal while stopping ends the process at
    /// once (a rebuild that cannot finish, such as one waiting for another build's lock, must
    /// not make the server impossible to stop; the output folder is safe from a killed build).
    /// For a process that owns these signals (the CLI); `ServeOptions.stopsOnSignals` installs
    /// this before the first build.
    ///
    /// A handler that writes the signal's number to a pipe, read by a thread that reports
    /// `.stopping` and starts `stop()` on the first and exits on the second (the self-pipe
    /// trick). Not a Dispatch signal source: that one reads the signal through a signalfd, which
    /// sees it only when every thread blocks it — and Hummingbird's event-loop threads, started
    /// before, do not, so one of them could take and drop the signal.
    func stopOnSignals(_ signals: [Int32] = [SIGINT, SIGTERM]) {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { return }
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        SignalPipe.writeEnd = ends[1]
        for number in signals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { number in
                var byte = UInt8(truncatingIfNeeded: number)
                _ = write(SignalPipe.writeEnd, &byte, 1)  // async-signal-safe
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = SA_RESTART
            sigaction(number, &action, nil)
        }
        let reader = ends[0]
        let thread = Thread { [self] in
            var received = 0
            while true {
                var byte: UInt8 = 0
                let count = read(reader, &byte, 1)
                if count < 0 && errno == EINTR { continue }
                guard count == 1 else { return }
                received += 1
                if received > 1 { _exit(128 + Int32(byte)) }
                events(.stopping)
                // Not on this thread: it must stay free to hear a second signal while a
                // rebuild finishes.
                Thread { self.stop() }.start()
            }
        }
        thread.start()
    }
}

/// Where the signal handler writes. A C signal handler cannot capture anything, so the
/// descriptor is global; it is set once, before the handler is installed.
private enum SignalPipe {
    nonisolated(unsafe) static var writeEnd: Int32 = -1
}

import Dispatch
import Foundation
import Site
import Synchronization

/// One line on a terminal's stderr that shows how far a long build is (`render 4,210/13,338
/// pages · 2,105 pages/s`), redrawn in place and erased when the build ends. It appears only
/// after `delay`, so a quick build prints nothing of it, and only on a terminal: the command
/// line does not create one when stderr is a pipe or a file.
public final class ProgressLine: Sendable {
    private let progress: BuildProgress
    private let output: Output
    private let delay: Duration
    private let interval: Duration
    private let finished = DispatchSemaphore(value: 0)
    private let stopped = DispatchSemaphore(value: 0)

    public init(progress: BuildProgress, output: Output = .standardError, delay: Duration = .seconds(1), interval: Duration = .milliseconds(100)) {
        self.progress = progress
        self.output = output
        self.delay = delay
        self.interval = interval
    }

    /// Starts watching on a thread of its own.
    public func start() {
        let thread = Thread { [self] in run() }
        thread.start()
    }

    /// Ends the line (erasing it if it was drawn) and returns once it is gone, so that what
    /// is printed next starts on a clean line.
    public func stop() {
        finished.signal()
        stopped.wait()
    }

    private func run() {
        defer { stopped.signal() }
        if finished.wait(timeout: .now() + delay.dispatchInterval) == .success { return }
        var renderStart: (time: DispatchTime, pages: Int)?
        repeat {
            let phase = progress.phase
            var text = "rolegen: \(phase.name)"
            if phase == .render || phase == .write {
                let done = progress.pagesDone
                let now = DispatchTime.now()
                if renderStart == nil { renderStart = (now, done) }
                text += " \(done)/\(progress.pagesTotal) pages"
                let seconds = Double(now.uptimeNanoseconds - renderStart!.time.uptimeNanoseconds) / 1e9
                if seconds > 0.2 { text += " · \(Int(Double(done - renderStart!.pages) / seconds)) pages/s" }
            } else {
                text += "…"
            }
            // Carriage return and erase-line: the line is redrawn in place.
            output.write("\r\u{1B}[2K" + text)
        } while finished.wait(timeout: .now() + interval.dispatchInterval) == .timedOut
        output.write("\r\u{1B}[2K")
    }
}

extension Duration {
    var dispatchInterval: DispatchTimeInterval {
        let (seconds, attoseconds) = components
        return .nanoseconds(Int(seconds) * 1_000_000_000 + Int(attoseconds / 1_000_000_000))
    }
}

import Dispatch
import Foundation
import Synchronization

/// Runs two steps of a build that read the same inputs but not each other's results at the same
/// time, each on a thread of its own when the machine has two: one after the other, the serial
/// part of one would leave a core idle while the other waits.
func concurrently<First: Sendable, Second: Sendable>(_ first: @Sendable () -> First, _ second: @Sendable () -> Second) -> (First, Second) {
    let results = Mutex<(first: First?, second: Second?)>((nil, nil))
    DispatchQueue.concurrentPerform(iterations: 2) { index in
        if index == 0 {
            let value = first()
            results.withLock { $0.first = value }
        } else {
            let value = second()
            results.withLock { $0.second = value }
        }
    }
    return results.withLock { ($0.first!, $0.second!) }
}

/// A value computed on a background thread while the build goes on (rendering, usually);
/// `value` waits for it.
final class Background<Value: Sendable>: Sendable {
    private let done = DispatchGroup()
    private let result = Mutex<Value?>(nil)

    init(_ compute: @escaping @Sendable () -> Value) {
        DispatchQueue.global().async(group: done) { [self] in
            let value = compute()
            result.withLock { $0 = value }
        }
    }

    var value: Value {
        done.wait()
        return result.withLock { $0! }
    }
}

extension Array where Element: Sendable {
    /// `map(transform)` spread over every core, in a few shares of consecutive elements.
    func concurrentMap<Result: Sendable>(_ transform: @Sendable (Element) -> Result) -> [Result] {
        let shares = Swift.min(count, ProcessInfo.processInfo.activeProcessorCount * 4)
        let results = Mutex([[Result]](repeating: [], count: shares))
        DispatchQueue.concurrentPerform(iterations: shares) { share in
            let mapped = self[(count * share / shares)..<(count * (share + 1) / shares)].map(transform)
            results.withLock { $0[share] = mapped }
        }
        return results.withLock { $0.flatMap(\.self) }
    }
}

/// Lets go of `value` on another thread. The end of a large build frees its model, its page
/// plan and the texts of the roles kept whole: hundreds of thousands of small objects, tens of
/// milliseconds on one core after the last page is written, which need not hold up the
/// build's return (nor, for `rolegen build`, the process's exit).
func releaseInBackground<Value: Sendable>(_ value: Value) {
    DispatchQueue.global(qos: .utility).async { [value] in withExtendedLifetime(value) {} }
}

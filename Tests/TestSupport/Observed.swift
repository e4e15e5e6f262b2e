import Foundation

/// A value that changes on other threads, which a test waits on by condition: every change
/// wakes the waiters, which check again. Nothing polls and nothing sleeps, so a test waits
/// exactly as long as the thing it waits for takes.
public final class Observed<Value>: @unchecked Sendable {
    private let condition = NSCondition()
    private var value: Value

    public init(_ value: Value) {
        self.value = value
    }

    /// The value now.
    public var current: Value {
        condition.lock()
        defer { condition.unlock() }
        return value
    }

    /// Changes the value and wakes every waiter.
    public func update(_ change: (inout Value) -> Void) {
        condition.lock()
        change(&value)
        condition.broadcast()
        condition.unlock()
    }

    /// Blocks until `holds` is true of the value (checked now and after every change) and
    /// returns true; false when it still is not after `seconds` — a guard against a test that
    /// would hang, far longer than the wait ever takes when things work.
    public func wait(seconds: Double = 30, until holds: (Value) -> Bool) -> Bool {
        let deadline = Date(timeIntervalSinceNow: seconds)
        condition.lock()
        defer { condition.unlock() }
        while !holds(value) {
            guard condition.wait(until: deadline) else { return holds(value) }
        }
        return true
    }
}

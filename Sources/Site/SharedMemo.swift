import Synchronization

/// Values worked out once and shared by the pages rendering at once: a UI string formatted for
/// one combination of numbers, a date written out. Behind a lock held only to look up or add.
///
/// It keeps at most `limit` values: a site whose values never repeat works each out as it would
/// without it, and its memory does not grow with the site.
final class SharedMemo<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    static var limit: Int { 1_024 }
    private let values = Mutex<[Key: Value]>([:])

    init() {}

    /// The value for `key`, made by `make` the first time. `make` runs outside the lock: two
    /// pages may both make it, with the same result, and neither waits for the other's.
    func value(for key: Key, make: () -> Value) -> Value {
        if let known = values.withLock({ $0[key] }) { return known }
        let made = make()
        values.withLock { values in
            if values.count < Self.limit { values[key] = made }
        }
        return made
    }

    /// How many values are kept.
    var count: Int { values.withLock { $0.count } }
}

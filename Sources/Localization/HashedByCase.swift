/// An enum whose raw value is a `String`, hashed by its case instead of by that string.
///
/// Swift gives a raw-value enum the `RawRepresentable` default, which hashes the raw value:
/// the whole string, through SipHash, on every dictionary lookup. The enums that conform are
/// dictionary keys on every page (UI-string keys, message arguments, plural categories), and
/// hashing their names was most of the cost of those lookups. An enum without associated
/// values is stored as its case's tag, one byte, and equal values have equal tags, so hashing
/// the tag is enough. (An associated value added to a case would change that layout:
/// `unsafeBitCast` then stops the program at the first hash, and the tests with it.)
public protocol HashedByCase: Hashable, RawRepresentable where RawValue == String {}

extension HashedByCase {
    @inlinable
    public func hash(into hasher: inout Hasher) {
        hasher.combine(unsafeBitCast(self, to: UInt8.self))
    }
}

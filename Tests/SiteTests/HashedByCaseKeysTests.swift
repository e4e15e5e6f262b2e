import Content
import Localization
import Site
import XCTest

/// The UI-string keys and message arguments, dictionary keys on every page, are hashed by case
/// (`HashedByCase`), not by their names.
final class HashedByCaseKeysTests: XCTestCase {
    func testUIStringKeysAndArgumentsAreHashedByCase() {
        for (name, check) in [("UIStringKey", { Self.check(UIStringKey.self) }), ("UIStringArgument", { Self.check(UIStringArgument.self) })] {
            XCTAssertTrue(check(), name)
        }
    }

    /// Whether every case's hash differs from its raw value's, and a dictionary of all cases
    /// finds each one again.
    private static func check<Key: HashedByCase & CaseIterable>(_ type: Key.Type) -> Bool {
        var table: [Key: String] = [:]
        for key in Key.allCases {
            guard key.hashValue != key.rawValue.hashValue else { return false }
            table[key] = key.rawValue
        }
        return table.count == Key.allCases.count && Key.allCases.allSatisfy { table[$0] == $0.rawValue }
    }
}

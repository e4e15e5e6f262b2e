import Localization
import XCTest

/// `HashedByCase`: an enum that conforms is hashed by its case, not by its raw value's string
/// (the `RawRepresentable` default, which it replaces), and stays a working dictionary key.
final class HashedByCaseTests: XCTestCase {
    func testPluralCategoriesAreHashedByCase() {
        assertHashedByCase(PluralCategory.self)
    }
}

/// Every case of `type`: its hash is not its raw value's (with the default it would be the
/// same), and a dictionary of all cases finds each one again.
private func assertHashedByCase<Key: HashedByCase & CaseIterable>(_ type: Key.Type, file: StaticString = #filePath, line: UInt = #line) {
    var table: [Key: String] = [:]
    for key in Key.allCases {
        XCTAssertNotEqual(key.hashValue, key.rawValue.hashValue, "\(key)", file: file, line: line)
        table[key] = key.rawValue
    }
    XCTAssertEqual(table.count, Key.allCases.count, file: file, line: line)
    for key in Key.allCases {
        XCTAssertEqual(table[key], key.rawValue, file: file, line: line)
    }
}

import Content
import XCTest

/// Fallbacks and translation units keep their role, locale and file in one object shared by the
/// values of a file (for memory); they must still behave as plain values.
final class TranslationStorageTests: XCTestCase {
    /// The loaded units of one file share their storage: changing one copy's role, locale or
    /// place changes that copy only, and equality and hashing follow the values.
    func testSharedStorageKeepsValueSemantics() throws {
        let site = try XCTUnwrap(try TestSite.valid.load().site)
        let units = site.translations.filter { $0.role != nil && $0.place.key != nil }
        let first = try XCTUnwrap(units.first)
        let sameFile = try XCTUnwrap(units.dropFirst().first { $0.place.file == first.place.file })

        var changed = first
        changed.role = "another-role"
        changed.locale = "de"
        changed.place = TranslationPlace(file: "content/roles/another-role/de.json", key: "title")
        XCTAssertEqual(changed.role, "another-role")
        XCTAssertEqual(changed.locale, "de")
        XCTAssertEqual(changed.place, TranslationPlace(file: "content/roles/another-role/de.json", key: "title"))
        XCTAssertEqual(changed.field, first.field)
        XCTAssertEqual(changed.source, first.source)
        // The original and the other unit of its file are untouched.
        XCTAssertNotEqual(first.role, "another-role")
        XCTAssertEqual(sameFile.role, first.role)
        XCTAssertEqual(sameFile.locale, first.locale)
        XCTAssertEqual(sameFile.place.file, first.place.file)

        // A unit built from its parts equals the loaded one and hashes alike.
        let rebuilt = TranslationUnit(
            role: first.role, locale: first.locale, field: first.field, place: first.place, isTranslated: first.isTranslated, source: first.source)
        XCTAssertEqual(rebuilt, first)
        XCTAssertEqual(Set([rebuilt, first]).count, 1)
        XCTAssertNotEqual(changed, first)
    }

    /// Units that share their storage (one file's) sort by field alone, and beside units built
    /// from their parts (a storage each) exactly as those would: by role, locale, then field.
    func testUnitsSortTheSameWhetherTheyShareStorageOrNot() throws {
        let site = try XCTUnwrap(try TestSite.valid.load().site)
        let loaded = site.translations.filter { $0.role != nil }
        let rebuilt = loaded.map {
            TranslationUnit(role: $0.role, locale: $0.locale, field: $0.field, place: $0.place, isTranslated: $0.isTranslated, source: $0.source)
        }
        XCTAssertGreaterThan(Set(loaded.map(\.place.file)).count, 2)
        let expected = rebuilt.sorted()
        XCTAssertEqual(loaded.reversed().sorted(), expected)
        XCTAssertEqual((rebuilt.prefix(3) + loaded.dropFirst(3)).reversed().sorted(), expected)
        XCTAssertEqual(expected.map(\.field), expected.sorted { ($0.role!, $0.locale, $0.field) < ($1.role!, $1.locale, $1.field) }.map(\.field))
    }

    /// A fallback taken from a unit is the same value as one built from the same parts, and
    /// changing it leaves the unit's other fallbacks alone.
    func testFallbackFromUnitIsAPlainValue() throws {
        let site = try XCTUnwrap(try TestSite.valid.load().site)
        let fallback = try XCTUnwrap(site.fallbacks.first { $0.role != nil })
        let built = Fallback(role: fallback.role, locale: fallback.locale, field: fallback.field, place: fallback.place)
        XCTAssertEqual(built, fallback)
        XCTAssertEqual(built.hashValue, fallback.hashValue)
        XCTAssertEqual(built.description, fallback.description)

        var moved = fallback
        moved.place = TranslationPlace(file: "elsewhere.json", key: nil)
        XCTAssertEqual(moved.place.file, "elsewhere.json")
        XCTAssertNil(moved.place.key)
        XCTAssertEqual(moved.role, fallback.role)
        XCTAssertNotEqual(fallback.place.file, "elsewhere.json")
        XCTAssertTrue(site.fallbacks.allSatisfy { $0.place.file != "elsewhere.json" })
    }
}

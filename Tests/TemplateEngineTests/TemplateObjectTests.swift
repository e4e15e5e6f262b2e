import TemplateEngine
import XCTest

/// An object's members are a list looked up by key fingerprint: these pin that it still behaves
/// as the dictionary it replaced, for the model code that builds page data and for templates.
final class TemplateObjectTests: XCTestCase {
    func testALaterDuplicateKeyInALiteralReplacesTheEarlierOne() {
        let object: TemplateObject = ["title": "Backend Developer", "slug": "backend-developer", "title": "Data Analyst"]
        XCTAssertEqual(object.count, 2)
        XCTAssertEqual(object["title"], "Data Analyst")
        XCTAssertEqual(object.keys, ["title", "slug"])
    }

    func testSettingReplacesInPlaceAndNilRemoves() {
        var object: TemplateObject = ["a": 1, "b": 2, "c": 3]
        object["b"] = 20
        object["d"] = 4
        object["a"] = nil
        object["missing"] = nil
        XCTAssertEqual(object.keys, ["b", "c", "d"])
        XCTAssertEqual(object["b"], 20)
        XCTAssertNil(object["a"])
    }

    /// A prepared key (`TemplateKey`) is the same member as its name: set, replaced, removed and
    /// read either way, and nested objects updated through it.
    func testAPreparedKeyIsItsName() {
        var object: TemplateObject = ["a": 1, "b": 2]
        let (a, b, c, d) = (TemplateKey("a"), TemplateKey("b"), TemplateKey("c"), TemplateKey("d"))
        object[b] = 20
        object[c] = 3
        object[a] = nil
        object[d] = nil
        XCTAssertEqual(object, ["b": 20, "c": 3])
        XCTAssertEqual(object.keys, ["b", "c"])
        XCTAssertEqual(object[c], 3)
        XCTAssertEqual(object["c"], object[c])
        object["c"] = 30
        XCTAssertEqual(object[c], 30)
        object.updateObject(at: TemplateKey("nav")) { $0[TemplateKey("home")] = "Home" }
        object.updateObject(at: "nav") { $0["about"] = "About" }
        XCTAssertEqual(object["nav"], ["home": "Home", "about": "About"])
    }

    func testKeysAreComparedAsStringsNotOnlyByFingerprint() {
        // Keys of every length and script, including ones that differ in one byte.
        var object = TemplateObject()
        // The last two differ only in a byte the fingerprint does not read.
        let long = String(repeating: "a", count: 30)
        let keys = ["", "a", "b", "ab", "ba", "é", "e\u{301}", "t", "t.nav", "descriptionLang", "descriptionLanh", "日本語",
                    "aaaaaaaaaX" + long.dropFirst(10), "aaaaaaaaaY" + long.dropFirst(10)]
        for (index, key) in keys.enumerated() { object[key] = .int(index) }
        for (index, key) in keys.enumerated() { XCTAssertEqual(object[key], .int(index), key) }
        XCTAssertNil(object["c"])
        XCTAssertEqual(object.count, keys.count)
    }

    func testEqualityIgnoresTheOrderMembersWereAddedIn() {
        let one: TemplateObject = ["a": 1, "b": ["c": true]]
        let other: TemplateObject = ["b": ["c": true], "a": 1]
        XCTAssertEqual(one, other)
        XCTAssertNotEqual(one, ["a": 1, "b": ["c": false]])
        XCTAssertNotEqual(one, ["a": 1])
        XCTAssertNotEqual(one, ["a": 1, "b": ["c": true], "d": .null])
    }

    func testMergeAddsMembersAndTheOtherObjectsValueWins() {
        var base: TemplateObject = ["slug": "backend-developer", "title": "Backend Developer"]
        base.merge(["title": "Développeur backend", "taskGroups": []])
        XCTAssertEqual(base, ["slug": "backend-developer", "title": "Développeur backend", "taskGroups": []])
    }

    func testUpdateObjectFillsInNestedObjectsCreatingMissingOnes() {
        var t: TemplateObject = ["site": "AI Impact", "nav": ["home": "Home"], "hero": "not an object"]
        t.updateObject(at: "nav") { $0["roles"] = "Roles" }
        t.updateObject(at: "faq") { faq in faq.updateObject(at: "replace") { $0["question"] = "Will AI replace them?" } }
        t.updateObject(at: "hero") { $0["title"] = "Hero" }
        XCTAssertEqual(t, [
            "site": "AI Impact", "nav": ["home": "Home", "roles": "Roles"], "faq": ["replace": ["question": "Will AI replace them?"]], "hero": ["title": "Hero"],
        ])
    }

    func testADictionaryBecomesAnObjectWithTheSameMembers() {
        let dictionary: [String: TemplateValue] = ["x": 1, "y": "two", "z": [3]]
        let value = TemplateValue.object(dictionary)
        XCTAssertEqual(value, ["z": [3], "x": 1, "y": "two"])
        guard case .object(let object) = value else { return XCTFail("not an object") }
        XCTAssertEqual(object.dictionary, dictionary)
    }

    func testTemplatesFindKeysInNestedObjectsAndDownTheContextStack() throws {
        var role = TemplateObject()
        for index in 0..<40 { role["field\(index)"] = .string("value \(index)") }
        role["title"] = "Backend Developer"
        let data: TemplateValue = ["role": .object(role), "t": ["heroTitle": "Will AI replace them?"], "items": [["name": "one"], ["name": "two"]]]
        XCTAssertEqual(
            try render("{{role.title}}|{{role.field39}}|{{#role}}{{field0}} {{t.heroTitle}}{{/role}}|{{#items}}{{name}}{{role.field7}};{{/items}}", data),
            "Backend Developer|value 39|value 0 Will AI replace them?|onevalue 7;twovalue 7;")
    }
}

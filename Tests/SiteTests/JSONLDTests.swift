import XCTest
@testable import Site

final class JSONLDTests: XCTestCase {
    func testScriptSafeEscaping() {
        let script = JSONLD.script { json in
            json.object { json in
                json.member("name", "</script><!-- \"x\" & é \u{2028}\u{2029}\n\t\u{01}\\")
                json.member("n", 3)
                json.key("list")
                json.array { json in
                    json.string("a")
                    json.int(-1)
                }
            }
        }
        XCTAssertEqual(script, #"{"name":"\u003c/script\u003e\u003c!-- \"x\" \u0026 é \u2028\u2029\n\t\u0001\\","n":3,"list":["a",-1]}"#)
    }

    func testMembersKeepTheirOrder() {
        XCTAssertEqual(JSONLD.script { $0.object { $0.member("b", 1); $0.member("a", 2) } }, #"{"b":1,"a":2}"#)
    }

    /// Commas go between the values of each object and array, at every depth, and nowhere else.
    func testCommasAtEveryDepth() {
        let script = JSONLD.script { json in
            json.array { json in
                json.object { _ in }
                json.array { _ in }
                json.object { json in
                    json.key("a")
                    json.array { json in
                        json.object { $0.member("b", "c") }
                        json.object { json in
                            json.member("d", 1)
                            json.member("e", 2)
                        }
                    }
                    json.member("f", "g")
                }
                json.int(3)
            }
        }
        XCTAssertEqual(script, #"[{},[],{"a":[{"b":"c"},{"d":1,"e":2}],"f":"g"},3]"#)
    }
}

import XCTest
@testable import Site

final class JSONLDTests: XCTestCase {
    func testScriptSafeEscaping() {
        let value = JSONLD.object([
            ("name", .string("</script><!-- \"x\" & é \u{2028}\u{2029}\n\t\u{01}\\")),
            ("n", .int(3)),
            ("list", .array([.string("a"), .int(-1)])),
        ])
        XCTAssertEqual(value.scriptSafe, #"{"name":"\u003c/script\u003e\u003c!-- \"x\" \u0026 é \u2028\u2029\n\t\u0001\\","n":3,"list":["a",-1]}"#)
    }

    func testKeysKeepTheirOrder() {
        XCTAssertEqual(JSONLD.object([("b", .int(1)), ("a", .int(2))]).scriptSafe, #"{"b":1,"a":2}"#)
    }
}

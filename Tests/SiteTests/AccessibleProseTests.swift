import Content
import XCTest
@testable import Site

/// The shapes of cmark-gfm output that `AccessibleProse` changes, and what it leaves alone.
final class AccessibleProseTests: XCTestCase {
    private let box = #"<input type="checkbox" disabled="" />"#

    func testTheLabelEndsWithTheItemsOwnText() {
        XCTAssertEqual(AccessibleProse.labelTaskCheckboxes("<ul>\n<li>\(box) a <em>b</em></li>\n</ul>"),
                       "<ul>\n<li><label>\(box) a <em>b</em></label></li>\n</ul>")
        // A loose list puts the text in a paragraph; a nested list is not part of the name.
        XCTAssertEqual(AccessibleProse.labelTaskCheckboxes("<li><p>\(box) a</p>\n<ul>\n<li>c</li>\n</ul></li>"),
                       "<li><p><label>\(box) a</label></p>\n<ul>\n<li>c</li>\n</ul></li>")
        XCTAssertEqual(AccessibleProse.labelTaskCheckboxes("<li>\(box) a\n<ol>\n<li>\(box) b</li>\n</ol></li>"),
                       "<li><label>\(box) a\n</label><ol>\n<li><label>\(box) b</label></li>\n</ol></li>")
    }

    func testHTMLWithoutCheckboxesOrTablesIsUnchanged() {
        let html = "<p>A <code>&lt;table&gt;</code> and a list:</p>\n<ul>\n<li>item</li>\n</ul>\n"
        XCTAssertEqual(AccessibleProse.labelTaskCheckboxes(html), html)
        XCTAssertEqual(AccessibleProse.wrapTables(html, label: "Table"), html)
    }

    func testEveryTableIsWrappedAndTheLabelIsEscaped() {
        XCTAssertEqual(AccessibleProse.wrapTables("<table>\n</table>\n<table>\n</table>", label: #"Table "1" & <2>"#),
                       #"<div class="table-scroll" role="region" tabindex="0" aria-label="Table &quot;1&quot; &amp; &lt;2&gt;"><table>"#
                       + "\n</table></div>\n"
                       + #"<div class="table-scroll" role="region" tabindex="0" aria-label="Table &quot;1&quot; &amp; &lt;2&gt;"><table>"#
                       + "\n</table></div>")
    }

    /// The passes splice bytes: text around and inside what they wrap, in any script, comes
    /// through whole.
    func testTextInAnyScriptAroundAndInsideTheChangesIsKept() {
        XCTAssertEqual(AccessibleProse.labelTaskCheckboxes("<p>Été</p><li>\(box) Тесты 测试 é</li>…"),
                       "<p>Été</p><li><label>\(box) Тесты 测试 é</label></li>…")
        XCTAssertEqual(AccessibleProse.wrapTables("é<table><td>ü</td></table>€", label: "Tableau"),
                       #"é<div class="table-scroll" role="region" tabindex="0" aria-label="Tableau"><table><td>ü</td></table></div>€"#)
    }

    func testReplacingBytesReplacesEveryOccurrenceWherever() {
        XCTAssertEqual("ab".replacingBytes("x", with: "y"), "ab")
        XCTAssertEqual("xx".replacingBytes("x", with: "yz"), "yzyz")
        XCTAssertEqual("éxéx".replacingBytes("x", with: "—"), "é—é—")
        XCTAssertEqual("<t><t>".replacingBytes("<t>", with: ""), "")
        XCTAssertEqual("".replacingBytes("<t>", with: "u"), "")
    }

    func testFirstOffsetSearchesFromAnOffset() {
        var text = "a<b a<b"
        let found = text.withUTF8 { bytes in [0, 1, 2, 5, 6].map { String.firstOffset(of: "<b", in: bytes, from: $0) } }
        XCTAssertEqual(found, [1, 1, 5, 5, nil])
    }

    /// The byte search that decides whether a page's Markdown needs the slower passes at all.
    func testContainsBytesFindsMarkupAnywhereAndOnlyWhole() {
        XCTAssertTrue("<table>".containsBytes("<table>"))
        XCTAssertTrue("<p>x</p>\n<table>".containsBytes("<table>"), "at the very end")
        XCTAssertTrue("<tab<table>".containsBytes("<table>"), "after a partial match")
        XCTAssertTrue("é <input type=\"checkbox\"".containsBytes(#"<input type="checkbox""#))
        XCTAssertFalse("<tabl".containsBytes("<table>"), "shorter than the needle")
        XCTAssertFalse("<tablE>".containsBytes("<table>"))
        XCTAssertFalse("".containsBytes("<table>"))
    }
}

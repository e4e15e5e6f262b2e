import Content
import Localization
import TemplateEngine
import XCTest

@testable import Site

/// A page's `t` holds the UI strings templates write as `{{{t.key}}}`, its `tText` those they
/// write as `{{tText.key}}` (a few, for attributes): a string is formatted into, and a page
/// copies, only the objects of the forms some template uses it in.
final class UIStringFormsTests: XCTestCase {
    func testTemplatesTellEachKeysForms() throws {
        let templates = try TemplateSet(sources: [
            "pages/a": "<h1>{{{t.hero.title}}}</h1><a title=\"{{tText.nav.home}}\">{{{t.nav.home}}}</a>",
            "pages/b": "<p title=\"{{tText.hero.riskScore}}\">{{role.title}}</p>",
        ])
        let forms = StringUsage.templateForms(templates)
        XCTAssertEqual(forms.markup, ["hero.title", "nav.home"])
        XCTAssertEqual(forms.text, ["nav.home", "hero.riskScore"])
    }

    func testAPagesObjectsHoldEachStringInTheFormsTemplatesUse() throws {
        let fixture = try PageDataDocumentationTests.fixture()
        let loaded = ContentLoader.load(root: fixture.root)
        let site = try XCTUnwrap(loaded.site)
        let rules = try XCTUnwrap(LocaleRules.builtIn("en"))
        let strings = LocaleStrings(
            locale: "en", entries: site.uiStrings(in: "en"), ownKeys: Set(site.uiStrings(in: "en").keys),
            templateKeys: UIStringForms(markup: ["hero.title", "nav.home"], text: ["nav.home", "hero.riskScore"]),
            rules: rules, defaultRules: rules)
        var arguments = MessageArguments()
        arguments.text[.titlePlural] = LocalizedText(text: "Bakers & Cooks", locale: "en")
        let tree = strings.tree(strings.resolve(arguments))
        XCTAssertEqual(tree.html, [
            "hero": .object(["title": .string("Will AI replace Bakers &amp; Cooks?")]),
            "nav": .object(["home": .string("Home")]),
        ])
        XCTAssertEqual(tree.text, [
            "hero": .object(["riskScore": .string("AI risk score")]),
            "nav": .object(["home": .string("Home")]),
        ])
    }

    /// A string with the page's values is put together only in the forms templates use: one
    /// used as text alone is text in `tText`, and not in `t`.
    func testAStringWithValuesIsPutTogetherInTheFormsUsedOnly() throws {
        let fixture = try PageDataDocumentationTests.fixture()
        let site = try XCTUnwrap(ContentLoader.load(root: fixture.root).site)
        let rules = try XCTUnwrap(LocaleRules.builtIn("en"))
        var arguments = MessageArguments()
        arguments.text[.titlePlural] = LocalizedText(text: "Bakers & Cooks", locale: "en")
        for (markup, text) in [(["hero.title"], [String]()), ([], ["hero.title"]), (["hero.title"], ["hero.title"])] {
            let strings = LocaleStrings(
                locale: "en", entries: site.uiStrings(in: "en"), ownKeys: Set(site.uiStrings(in: "en").keys),
                templateKeys: UIStringForms(markup: Set(markup), text: Set(text)), rules: rules, defaultRules: rules)
            let tree = strings.tree(strings.resolve(arguments))
            XCTAssertEqual(tree.html, markup.isEmpty ? [:] : ["hero": .object(["title": .string("Will AI replace Bakers &amp; Cooks?")])], "\(markup) \(text)")
            XCTAssertEqual(tree.text, text.isEmpty ? [:] : ["hero": .object(["title": .string("Will AI replace Bakers & Cooks?")])], "\(markup) \(text)")
        }
    }
}

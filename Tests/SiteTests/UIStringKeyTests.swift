import Content
import Foundation
import TestSupport
import XCTest
@testable import Site

/// The UI strings Swift code formats are named by `UIStringKey`, the arguments they may embed
/// by `UIStringArgument` (issue 9, item 4): a misspelt name does not compile, and a key the
/// default table lacks is an error where it belongs in the table.
final class UIStringKeyTests: XCTestCase {
    private func site() throws -> FixtureSite {
        try FixtureSite(Fixture.files(roles: [Fixture.role("backend", title: "Backend Developer", plural: "Backend Developers")]))
    }

    /// The error points at the string beside which the key belongs (`faq.atRisk.answer`), and
    /// quotes it; the build stops before writing pages that would lack the question.
    func testABuiltInStringMissingFromTheDefaultTableIsAnErrorBesideItsSiblings() throws {
        let site = try site()
        let english = try String(contentsOf: site.root.appendingPathComponent("locales/en.json"), encoding: .utf8)
        let question = #"      "question": "Which {title} tasks are most at risk from AI?",\#n"#
        XCTAssertTrue(english.contains(question))
        try site.write(english.replacingOccurrences(of: question, with: ""), to: "locales/en.json")
        let report = site.build()
        XCTAssertFalse(report.succeeded)
        XCTAssertEqual(report.diagnostics.errors.map(\.description), [
            "locales/en.json:116:17: error: UI string `faq.atRisk.question` is missing from locales/en.json (rolegen uses it to build pages)",
        ])
        XCTAssertEqual(report.diagnostics.errors.first?.code, "RG402")
    }

    /// A key with no sibling in the table is reported at the table's first line.
    func testABuiltInStringWithNoSiblingsIsReportedAtTheTablesStart() throws {
        let site = try site()
        var table = try JSONSerialization.jsonObject(with: Data(contentsOf: site.root.appendingPathComponent("locales/en.json"))) as! [String: Any]
        table["notFound"] = nil
        try site.write(String(decoding: try JSONSerialization.data(withJSONObject: table, options: [.sortedKeys]), as: UTF8.self), to: "locales/en.json")
        let errors = site.build().diagnostics.errors.filter { $0.code == "RG402" }.map(\.description)
        XCTAssertEqual(errors, [
            "locales/en.json:1:1: error: UI string `notFound.body` is missing from locales/en.json (rolegen uses it to build pages)",
            "locales/en.json:1:1: error: UI string `notFound.title` is missing from locales/en.json (rolegen uses it to build pages)",
        ])
    }

    /// docs/localization.md's table of arguments names exactly the arguments rolegen passes.
    func testTheDocumentedArgumentsAreTheArgumentsRolegenPasses() throws {
        let doc = try String(contentsOf: PackageRoot.url.appendingPathComponent("docs/localization.md"), encoding: .utf8)
        let table = doc.components(separatedBy: "| argument | value on a role page | example |")[1].components(separatedBy: "\n\n")[0]
        var documented: [String] = []
        for row in table.split(separator: "\n").dropFirst() {
            let firstCell = row.split(separator: "|").first ?? ""
            documented += firstCell.split(separator: "`").enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
        }
        XCTAssertEqual(documented.sorted(), UIStringArgument.allCases.map(\.rawValue).sorted())
    }

    /// Keys chosen by data come from exhaustive switches: each exposure and trend has its own.
    func testEveryExposureAndTrendHasItsOwnKey() {
        let keys = Exposure.allCases.flatMap { [UIStringKey.label(of: $0), .count(of: $0)] } + DemandTrend.allCases.map { UIStringKey.label(of: $0) }
        XCTAssertEqual(Set(keys).count, keys.count)
    }
}

import Content
import DevServer
import Foundation
import Localization
import Site
import TemplateEngine
import TestSupport
import XCTest
@testable import rolegen

/// docs/errors.md lists every diagnostic code with the case that owns it: the tables and the
/// code enums must hold exactly the same pairs, and no code may belong to two cases.
final class ErrorCodeDocumentationTests: XCTestCase {
    /// (code, case name) for every code of every module.
    private static var codesInSource: [(code: String, name: String)] {
        func pairs<Code: RawRepresentable & CaseIterable>(_: Code.Type) -> [(code: String, name: String)] where Code.RawValue == String {
            Code.allCases.map { ($0.rawValue, String(describing: $0)) }
        }
        return pairs(CommandLineError.Code.self) + pairs(ContentError.Code.self) + pairs(JSONSyntaxError.Kind.Code.self)
            + pairs(TemplateError.Kind.Code.self) + pairs(MessageSyntaxError.Kind.Code.self) + pairs(SiteError.Code.self)
            + pairs(OutputError.Code.self) + pairs(ServeError.Code.self)
    }

    private static var codesInDocument: [(code: String, name: String)] {
        get throws {
            let text = try String(contentsOf: PackageRoot.url.appendingPathComponent("docs/errors.md"), encoding: .utf8)
            return text.split(separator: "\n").compactMap { line in
                let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
                guard cells.count >= 3, cells[0].range(of: #"^RG\d{3}$"#, options: .regularExpression) != nil else { return nil }
                return (cells[0], cells[1].trimmingCharacters(in: CharacterSet(charactersIn: "`")))
            }
        }
    }

    func testEveryCodeIsUniqueAndWellFormed() {
        let codes = Self.codesInSource.map(\.code)
        XCTAssertEqual(codes.count, Set(codes).count, "a code used twice: \(codes.sorted())")
        for code in codes {
            XCTAssertNotNil(code.range(of: #"^RG\d{3}$"#, options: .regularExpression), code)
        }
    }

    func testTheDocumentListsExactlyTheCodesOfTheSource() throws {
        let document = try Self.codesInDocument
        XCTAssertEqual(document.count, Set(document.map(\.code)).count, "a code listed twice in docs/errors.md")
        let inSource = Set(Self.codesInSource.map { "\($0.code) \($0.name)" })
        let inDocument = Set(document.map { "\($0.code) \($0.name)" })
        XCTAssertEqual(inSource.subtracting(inDocument).sorted(), [], "codes missing from docs/errors.md")
        XCTAssertEqual(inDocument.subtracting(inSource).sorted(), [], "docs/errors.md lists codes the source does not have")
    }

    /// A case that carries another error takes that error's code, so the tables need no row
    /// for it; everything else has its own.
    func testWrappingCasesTakeTheCodeOfWhatTheyWrap() {
        XCTAssertEqual(ContentError.invalidJSON(.leadingZero).code, "RG178")
        XCTAssertEqual(ContentError.invalidUIString(.missingOtherBranch(argument: "count")).code, "RG313")
        XCTAssertEqual(SiteError.output(.outputIsNotAFolder("/x")).code, "RG411")
        XCTAssertEqual(CommandLineError.content(.missingSiteFolder(path: "/x")).code, "RG101")
    }
}

import XCTest

@testable import Site

/// The folder a staged page is written into, found without Foundation's path normalization.
final class OutputPathTests: XCTestCase {
    func testTheParentFolderIsEverythingBeforeTheLastSlash() {
        XCTAssertEqual(OutputFolder.parentFolder(of: "/tmp/public.staging-1/fr/metiers/backend-developer/index.html"), "/tmp/public.staging-1/fr/metiers/backend-developer")
        XCTAssertEqual(OutputFolder.parentFolder(of: "/srv/site/public.staging-2/sitemap.xml"), "/srv/site/public.staging-2")
        XCTAssertEqual(OutputFolder.parentFolder(of: "/sitemap.xml"), "/")
        XCTAssertEqual(OutputFolder.parentFolder(of: "sitemap.xml"), "")
        XCTAssertEqual(OutputFolder.parentFolder(of: "fr/metiers/index.html"), "fr/metiers")
    }

    func testFolderNamesInAnyScriptAreKeptWhole() {
        XCTAssertEqual(OutputFolder.parentFolder(of: "/out/ja/職業/データ/index.html"), "/out/ja/職業/データ")
        XCTAssertEqual(OutputFolder.parentFolder(of: "/out/fr/métiers/développeur·se/index.html"), "/out/fr/métiers/développeur·se")
    }
}

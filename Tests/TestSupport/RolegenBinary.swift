import Foundation
import XCTest

/// The `rolegen` executable that `swift build --build-tests` builds next to the test bundle
/// (`.build/<triple>/debug/`), for tests that run it as a user does.
public enum RolegenBinary {
    public static var url: URL {
        get throws {
            var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            for _ in 0..<3 {
                let candidate = folder.appendingPathComponent("rolegen")
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
                folder.deleteLastPathComponent()
            }
            throw XCTSkip("the rolegen binary was not found next to the tests; run `swift build --build-tests` first")
        }
    }
}

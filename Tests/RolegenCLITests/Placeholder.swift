import XCTest

final class RolegenCLIPlaceholderTests: XCTestCase {}

import XCTest

// Placeholder: tests arrive with the module.
final class ContentPlaceholderTests: XCTestCase {}

import XCTest

@testable import Site

/// `StableHash` is what an incremental build compares with the record of the build before: a
/// file's hash from the walk (read in 64 KiB pieces) must equal its hash from the load (read
/// whole), and any changed byte must change it.
final class StableHashTests: XCTestCase {
    /// 200,003 bytes: not a multiple of 32, so every tail loop runs too.
    private let bytes: [UInt8] = (0..<200_003).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 7) }

    func testBytesInPiecesOf64KiBHashAsIfGivenAtOnce() {
        var pieces = StableHash()
        bytes.withUnsafeBytes { all in
            var start = 0
            while start < all.count {
                let end = min(start + 65_536, all.count)
                pieces.combine(bytes: UnsafeRawBufferPointer(rebasing: all[start..<end]))
                start = end
            }
        }
        XCTAssertEqual(pieces.value, StableHash.of(bytes))
    }

    func testEveryByteCountsWhereverItFalls() {
        let original = StableHash.of(bytes)
        // A byte in each lane of a 32-byte block, in the word tail and in the byte tail.
        for offset in [0, 8, 16, 24, 31, 199_968, 199_976, 200_001] {
            var changed = bytes
            changed[offset] ^= 1
            XCTAssertNotEqual(StableHash.of(changed), original, "byte \(offset)")
        }
    }

    func testTheSameBytesInTheSameOrderGiveTheSameValueWhichDependsOnOrder() {
        XCTAssertEqual(StableHash.of(bytes), StableHash.of(bytes))
        var swappedWords = bytes
        swappedWords.swapAt(0, 8)
        XCTAssertNotEqual(StableHash.of(swappedWords), StableHash.of(bytes), "two lanes' words swapped")
        var first = StableHash()
        first.combine("ab")
        first.combine("c")
        var second = StableHash()
        second.combine("a")
        second.combine("bc")
        XCTAssertNotEqual(first.value, second.value)
    }
}

import Content

/// A 64-bit hash in the manner of FNV-1a that is the same in every process and on every run (Swift's `Hasher`
/// is seeded per process), so that what one build records, the next can compare with.
///
/// Not cryptographic: it tells an edited file or page from the one before, which is all an
/// incremental build asks of it.
struct StableHash {
    /// Four lanes, each fed every fourth word of a 32-byte block: each lane's multiply waits
    /// only for its own last one, so the four run side by side (one lane is a chain of
    /// multiplies, each waiting for the one before, about a third of the speed). Every written
    /// page is hashed, and a large site writes hundreds of megabytes.
    private var lanes: (UInt64, UInt64, UInt64, UInt64) = (0xcbf2_9ce4_8422_2325, 0x8422_2325_cbf2_9ce4, 0x9E37_79B9_7F4A_7C15, 0xBF58_476D_1CE4_E5B9)

    init() {}

    /// The lanes folded into one.
    var value: UInt64 {
        var hash = lanes.0
        Self.mix(&hash, lanes.1)
        Self.mix(&hash, lanes.2)
        Self.mix(&hash, lanes.3)
        return hash
    }

    /// 32 bytes at a time into the lanes, each word mixed in FNV's way and then folded; the
    /// tail a word and then a byte at a time into the first lane. Bytes given in pieces whose
    /// lengths are multiples of 32 (a file read in 64 KiB chunks) hash as if given at once.
    mutating func combine(bytes: UnsafeRawBufferPointer) {
        var (a, b, c, d) = lanes
        var offset = 0
        while offset + 32 <= bytes.count {
            Self.mix(&a, UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
            Self.mix(&b, UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self)))
            Self.mix(&c, UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self)))
            Self.mix(&d, UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self)))
            offset += 32
        }
        while offset + 8 <= bytes.count {
            Self.mix(&a, UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
            offset += 8
        }
        while offset < bytes.count {
            a = (a ^ UInt64(bytes[offset])) &* 0x0000_0100_0000_01B3
            offset += 1
        }
        lanes = (a, b, c, d)
    }

    /// One word mixed into a lane in FNV's way, then folded.
    @inline(__always)
    private static func mix(_ hash: inout UInt64, _ word: UInt64) {
        hash = (hash ^ word) &* 0x0000_0100_0000_01B3
        hash ^= hash >> 32
    }

    mutating func combine(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { combine(bytes: $0) }
    }

    /// A string and then a separator byte, so that ("ab", "c") and ("a", "bc") differ.
    mutating func combine(_ string: String) {
        string.withUTF8InPlace { combine(bytes: UnsafeRawBufferPointer($0)) }
        combine([0xFF] as [UInt8])
    }

    mutating func combine(_ number: UInt64) {
        withUnsafeBytes(of: number.littleEndian) { combine(bytes: $0) }
    }

    mutating func combine(_ number: Int) {
        combine(UInt64(bitPattern: Int64(number)))
    }

    static func of(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBytes { of($0) }
    }

    static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash = StableHash()
        hash.combine(bytes: bytes)
        return hash.value
    }
}

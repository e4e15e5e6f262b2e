/// The members of a `TemplateValue.object`: keys and their values, looked up by key.
///
/// A list, not a hash table. A page's data is thousands of small objects built once, read a few
/// times and freed; hashing every key on insert and on every lookup was a tenth of a build.
/// Each member keeps a fingerprint of its key (`TemplateObject.fingerprint`), and a compiled
/// template computes its names' fingerprints once, so a lookup compares integers and only
/// compares strings on a match.
///
/// Members keep the order they were added in, but nothing depends on it: equality ignores it,
/// and the renderer only looks keys up.
public struct TemplateObject: Sendable {
    struct Member: Sendable {
        let key: String
        let fingerprint: UInt64
        var value: TemplateValue
    }

    private(set) var members: [Member]

    public init() { members = [] }

    /// The members of `dictionary` (its keys are unique already).
    public init(_ dictionary: [String: TemplateValue]) {
        members = []
        members.reserveCapacity(dictionary.count)
        for (key, value) in dictionary {
            members.append(Member(key: key, fingerprint: Self.fingerprint(key), value: value))
        }
    }

    /// Room for `capacity` members, for a builder that knows how many it adds.
    public init(minimumCapacity capacity: Int) {
        members = []
        members.reserveCapacity(capacity)
    }

    /// Room for `capacity` members in all, for a builder about to add more.
    public mutating func reserveCapacity(_ capacity: Int) {
        members.reserveCapacity(capacity)
    }

    public var count: Int { members.count }
    public var isEmpty: Bool { members.isEmpty }
    /// The keys, in the order they were added.
    public var keys: [String] { members.map(\.key) }

    /// The value of `key`; setting `nil` removes it, setting another value replaces it in place.
    public subscript(key: String) -> TemplateValue? {
        get { value(forKey: key, fingerprint: Self.fingerprint(key)) }
        set { set(newValue, forKey: key, fingerprint: Self.fingerprint(key)) }
    }

    /// `self[key.name]`, without working out the key's fingerprint.
    public subscript(key: TemplateKey) -> TemplateValue? {
        get { value(forKey: key.name, fingerprint: key.fingerprint) }
        set { set(newValue, forKey: key.name, fingerprint: key.fingerprint) }
    }

    private mutating func set(_ newValue: consuming TemplateValue?, forKey key: String, fingerprint: UInt64) {
        if let index = index(of: key, fingerprint: fingerprint) {
            if let newValue { members[index].value = newValue } else { members.remove(at: index) }
        } else if let newValue {
            members.append(Member(key: key, fingerprint: fingerprint, value: newValue))
        }
    }

    /// The value of `key`, whose `fingerprint` the caller computed once for many lookups.
    func value(forKey key: String, fingerprint: UInt64) -> TemplateValue? {
        index(of: key, fingerprint: fingerprint).map { members[$0].value }
    }

    private func index(of key: String, fingerprint: UInt64) -> Int? {
        members.withUnsafeBufferPointer { members in
            for index in members.indices where members[index].fingerprint == fingerprint && members[index].key == key {
                return index
            }
            return nil
        }
    }

    /// Changes the object at `key` in place, starting from an empty one when `key` is missing
    /// or holds something else: nested data (`t.nav.home`) is filled in without copying the
    /// objects around it.
    public mutating func updateObject(at key: String, _ body: (inout TemplateObject) -> Void) {
        updateObject(at: key, fingerprint: Self.fingerprint(key), body)
    }

    /// `updateObject(at: key.name)`, without working out the key's fingerprint.
    public mutating func updateObject(at key: TemplateKey, _ body: (inout TemplateObject) -> Void) {
        updateObject(at: key.name, fingerprint: key.fingerprint, body)
    }

    private mutating func updateObject(at key: String, fingerprint: UInt64, _ body: (inout TemplateObject) -> Void) {
        let index = index(of: key, fingerprint: fingerprint) ?? {
            members.append(Member(key: key, fingerprint: fingerprint, value: .null))
            return members.count - 1
        }()
        var child: TemplateObject
        if case .object(let existing) = members[index].value { child = existing } else { child = TemplateObject() }
        members[index].value = .null  // `child` is then the only reference, changed in place
        body(&child)
        members[index].value = .object(child)
    }

    /// Adds `other`'s members; where both have a key, `other`'s value wins.
    public mutating func merge(_ other: TemplateObject) {
        members.reserveCapacity(members.count + other.members.count)
        for member in other.members {
            if let index = index(of: member.key, fingerprint: member.fingerprint) {
                members[index].value = member.value
            } else {
                members.append(member)
            }
        }
    }

    /// The members as a dictionary, for code that wants one (tests, other template engines).
    public var dictionary: [String: TemplateValue] {
        Dictionary(members.lazy.map { ($0.key, $0.value) }) { _, later in later }
    }

    /// A mix of the key's length and of its first and last eight bytes (and eight from the
    /// middle of a longer key), read a word at a time: page data adds hundreds of thousands of
    /// members, so this runs for each. It only has to tell apart the keys of one object;
    /// keys it cannot tell apart are compared as strings.
    static func fingerprint(_ key: String) -> UInt64 {
        let fingerprint = key.utf8.withContiguousStorageIfAvailable { bytes -> UInt64 in
            var mixed = UInt64(truncatingIfNeeded: bytes.count) &* 0x9E37_79B9_7F4A_7C15
            guard let base = bytes.baseAddress else { return mixed }
            let raw = UnsafeRawPointer(base)
            if bytes.count >= 8 {
                mixed ^= raw.loadUnaligned(as: UInt64.self)
                mixed = (mixed ^ (mixed >> 29)) &* 0xBF58_476D_1CE4_E5B9
                mixed ^= raw.loadUnaligned(fromByteOffset: bytes.count - 8, as: UInt64.self)
                if bytes.count > 16 { mixed ^= raw.loadUnaligned(fromByteOffset: bytes.count / 2 - 4, as: UInt64.self) &* 3 }
            } else {
                var word: UInt64 = 0
                for byte in bytes { word = word << 8 | UInt64(byte) }
                mixed ^= word
            }
            return (mixed ^ (mixed >> 31)) &* 0x94D0_49BB_1331_11EB
        }
        // A string without contiguous UTF-8 (bridged), byte by byte.
        return fingerprint ?? key.utf8.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x0000_0100_0000_01b3 }
    }
}

/// A key of `TemplateObject` with its fingerprint worked out once, for code that sets the same
/// keys on many objects (a page's data sets the same few dozen names hundreds of times, and
/// working out a literal key's fingerprint again at each set was a third of the set's cost).
public struct TemplateKey: Sendable {
    public let name: String
    let fingerprint: UInt64

    public init(_ name: String) {
        self.name = name
        fingerprint = TemplateObject.fingerprint(name)
    }
}

extension TemplateObject: Sequence {
    public func makeIterator() -> some IteratorProtocol<(key: String, value: TemplateValue)> {
        members.lazy.map { (key: $0.key, value: $0.value) }.makeIterator()
    }
}

extension TemplateObject: Equatable {
    /// The same keys with equal values, in any order.
    public static func == (lhs: TemplateObject, rhs: TemplateObject) -> Bool {
        guard lhs.count == rhs.count else { return false }
        return lhs.members.allSatisfy { member in
            rhs.value(forKey: member.key, fingerprint: member.fingerprint) == member.value
        }
    }
}

extension TemplateObject: ExpressibleByDictionaryLiteral {
    /// A later duplicate key replaces an earlier one, as in a JSON object.
    ///
    /// Code that builds thousands of objects sets their members one by one instead, on an
    /// object made with `init(minimumCapacity:)`: a literal is a temporary array of pairs, each
    /// value copied out of it and the array then destroyed pair by pair through the runtime's
    /// generic code, which cost more than the members themselves (2.5 % of a site build's
    /// instructions, docs/benchmarks.md).
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self.init(minimumCapacity: elements.count)
        for (key, value) in elements { self[key] = value }
    }
}

/// The transitions of a `PatternMatcher`, (node << 32 | symbol) → node, in an open-addressing hash
/// table with linear probing.
///
/// Why not a `Dictionary`: the automaton follows a transition for every scalar of every report it
/// reads, and hashing each key with SipHash was most of the time spent tagging topics and finding
/// regions. Keys are distinct and fixed once built, so a multiplicative hash and a half-empty table
/// find nearly every key at its first slot.
struct TransitionTable: Sendable {
    private static let empty = UInt64.max
    private let keys: [UInt64]
    private let nodes: [Int32]
    private let shift: UInt64

    init(_ transitions: [UInt64: Int32]) {
        var bits: UInt64 = 4
        while (1 << bits) < transitions.count * 2 { bits += 1 }
        let capacity = 1 << Int(bits)
        var keys = [UInt64](repeating: Self.empty, count: capacity)
        var nodes = [Int32](repeating: 0, count: capacity)
        shift = 64 - bits
        // Inserted in key order, so the table is the same on every run.
        for (key, node) in transitions.sorted(by: { $0.key < $1.key }) {
            var slot = Self.slot(key, shift: shift)
            while keys[slot] != Self.empty { slot = (slot + 1) & (capacity - 1) }
            keys[slot] = key
            nodes[slot] = node
        }
        self.keys = keys
        self.nodes = nodes
    }

    func node(for key: UInt64) -> Int32? {
        var slot = Self.slot(key, shift: shift)
        let mask = keys.count - 1
        while true {
            let found = keys[slot]
            if found == key { return nodes[slot] }
            if found == Self.empty { return nil }
            slot = (slot + 1) & mask
        }
    }

    private static func slot(_ key: UInt64, shift: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }
}

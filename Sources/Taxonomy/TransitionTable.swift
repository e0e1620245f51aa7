/// The transitions of a `PatternMatcher`, (node << 32 | symbol) → node, in an open-addressing hash
/// table with linear probing.
///
/// Why not a `Dictionary`: the automaton follows a transition for every scalar of every report it
/// reads, and hashing each key with SipHash was most of the time spent tagging topics and finding
/// regions. Keys are distinct and fixed once built, so a multiplicative hash and a half-empty table
/// find nearly every key at its first slot, and key and node side by side cost one cache miss.
struct TransitionTable: Sendable {
    private struct Slot {
        var key: UInt64
        var node: Int32
    }

    private static let empty = UInt64.max
    private let slots: [Slot]
    private let shift: UInt64

    init(_ transitions: [UInt64: Int32]) {
        var bits: UInt64 = 4
        while (1 << bits) < transitions.count * 2 { bits += 1 }
        let capacity = 1 << Int(bits)
        var slots = [Slot](repeating: Slot(key: Self.empty, node: 0), count: capacity)
        shift = 64 - bits
        // Inserted in key order, so the table is the same on every run.
        for (key, node) in transitions.sorted(by: { $0.key < $1.key }) {
            var slot = Self.slot(key, shift: shift)
            while slots[slot].key != Self.empty { slot = (slot + 1) & (capacity - 1) }
            slots[slot] = Slot(key: key, node: node)
        }
        self.slots = slots
    }

    func node(for key: UInt64) -> Int32? {
        slots.withUnsafeBufferPointer { slots in
            var slot = Self.slot(key, shift: shift)
            let mask = slots.count - 1
            while true {
                let found = slots[slot]
                if found.key == key { return found.node }
                if found.key == Self.empty { return nil }
                slot = (slot + 1) & mask
            }
        }
    }

    private static func slot(_ key: UInt64, shift: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }
}

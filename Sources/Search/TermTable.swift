import Foundation

/// A hash table from term keys to dense indices (0, 1, 2, … in the order keys are first added).
///
/// Indexing a corpus looks a key up once per term and report, tens of millions of times for ten
/// thousand reports; open addressing with a multiplicative hash does that several times faster
/// than `Dictionary`, whose hashing is seeded and keyed for safety the index does not need here.
/// This is the index writer's table of the whole corpus's terms; one report's terms are counted in
/// `TermCountTable`.
struct TermTable {
    private var keys: [UInt64]
    private var slots: [Int32]
    private var mask: Int
    private var shift: UInt64
    private(set) var count = 0

    init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = [UInt64](repeating: 0, count: size)
        slots = [Int32](repeating: -1, count: size)
        mask = size - 1
        shift = UInt64(64 - size.trailingZeroBitCount)
    }

    /// The index of `key`, adding it with the next index when it is new.
    @inline(__always)
    mutating func index(of key: UInt64) -> (index: Int, isNew: Bool) {
        var slot = bucket(key)
        while true {
            let found = slots[slot]
            if found < 0 {
                slots[slot] = Int32(count)
                keys[slot] = key
                count += 1
                if count * 2 > slots.count { grow() }
                return (count - 1, true)
            }
            if keys[slot] == key { return (Int(found), false) }
            slot = (slot + 1) & mask
        }
    }

    @inline(__always)
    private func bucket(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift) & mask
    }

    private mutating func grow() {
        let oldKeys = keys
        let oldSlots = slots
        let size = slots.count * 2
        keys = [UInt64](repeating: 0, count: size)
        slots = [Int32](repeating: -1, count: size)
        mask = size - 1
        shift = UInt64(64 - size.trailingZeroBitCount)
        for (slot, value) in oldSlots.enumerated() where value >= 0 {
            var target = bucket(oldKeys[slot])
            while slots[target] >= 0 { target = (target + 1) & mask }
            slots[target] = value
            keys[target] = oldKeys[slot]
        }
    }
}

import Foundation

/// A hash table from term keys to the index writer's term numbers: the index writer's table of
/// the whole corpus's terms (one report's terms are counted in `TermCountTable`).
///
/// Indexing looks a key up once per term and report, tens of millions of times for ten thousand
/// reports, in a table of hundreds of thousands of keys that no cache holds. Each slot keeps the
/// key and its term number together, so a look-up reads one place in memory (keys, slots and
/// term numbers in three arrays took three cache misses); open addressing with a multiplicative
/// hash, since `Dictionary`'s seeded hashing buys a safety the index does not need here. A
/// report's keys are looked up in one call, on storage that does not grow meanwhile.
struct TermTable {
    private struct Slot {
        /// 0 when the slot is empty: no key is 0 (see `TermCountTable`).
        var key: UInt64
        var term: Int32
    }

    private var slots: [Slot]
    private var shift: UInt64
    private(set) var count = 0

    init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Slot](repeating: Slot(key: 0, term: 0), count: size)
        shift = UInt64(64 - size.trailingZeroBitCount)
    }

    /// Each key's term number, in `terms`; a key not in the table is added with the next number
    /// from `nextTerm` on (counting up) and appended to `added`. Keys are never 0.
    mutating func terms(of keys: [UInt64], into terms: inout [Int], nextTerm: Int, added: inout [UInt64]) {
        // Room for every key being new, so that the slots stay where they are during the loop.
        while (count + keys.count) * 2 > slots.count { grow() }
        var next = nextTerm
        var count = self.count
        let shift = self.shift
        slots.withUnsafeMutableBufferPointer { slots in
            terms.withUnsafeMutableBufferPointer { terms in
                let mask = slots.count - 1
                for (index, key) in keys.enumerated() {
                    var slot = Self.bucket(key, shift: shift)
                    while true {
                        let found = slots[slot].key
                        if found == key {
                            terms[index] = Int(slots[slot].term)
                            break
                        }
                        if found == 0 {
                            slots[slot] = Slot(key: key, term: Int32(next))
                            terms[index] = next
                            added.append(key)
                            next += 1
                            count += 1
                            break
                        }
                        slot = (slot + 1) & mask
                    }
                }
            }
        }
        self.count = count
    }

    /// The term number of `key`, or nil.
    func term(of key: UInt64) -> Int? {
        guard key != 0 else { return nil }
        let mask = slots.count - 1
        var slot = Self.bucket(key, shift: shift)
        while true {
            let found = slots[slot].key
            if found == key { return Int(slots[slot].term) }
            if found == 0 { return nil }
            slot = (slot + 1) & mask
        }
    }

    @inline(__always)
    private static func bucket(_ key: UInt64, shift: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    private mutating func grow() {
        let old = slots
        let size = slots.count * 2
        slots = [Slot](repeating: Slot(key: 0, term: 0), count: size)
        shift = UInt64(64 - size.trailingZeroBitCount)
        let shift = self.shift
        slots.withUnsafeMutableBufferPointer { slots in
            let mask = size - 1
            for slot in old where slot.key != 0 {
                var target = Self.bucket(slot.key, shift: shift)
                while slots[target].key != 0 { target = (target + 1) & mask }
                slots[target] = slot
            }
        }
    }
}

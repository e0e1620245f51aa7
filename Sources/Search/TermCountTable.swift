import Foundation

/// One text's term keys (`TermScanner`) with their dense indices, in first-seen order, and their
/// counts.
///
/// Counting is the inner loop of indexing (two keys per character of every report). Each slot of
/// this open-addressing table holds the key, its index and its count together, so that counting
/// a term reads and writes one place in memory; with keys, indices and counts in three arrays it
/// touched three. The storage outlives the text: `TermCountTable.Pool` hands it to the next one.
/// The struct is a handle on that storage, used by one text at a time.
struct TermCountTable {
    private struct Slot {
        /// 0 when the slot is empty: no key is 0 (a unigram is an indexable code point, a bigram
        /// has bit 42 set).
        var key: UInt64
        var index: Int32
        var count: UInt32
    }

    private var slots: UnsafeMutablePointer<Slot>
    private var size: Int
    private var shift: UInt64
    /// The keys in first-seen order, and the slot each is in.
    private(set) var keys: [UInt64] = []
    private var slotOfKey: [Int32] = []

    init(capacity: Int = 8192) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        self.size = size
        shift = UInt64(64 - size.trailingZeroBitCount)
        slots = .allocate(capacity: size)
        slots.initialize(repeating: Slot(key: 0, index: 0, count: 0), count: size)
    }

    var count: Int { keys.count }

    /// Counts one occurrence of `key`; returns its index (the next one when it is new).
    @inline(__always)
    mutating func add(_ key: UInt64) -> Int {
        let mask = size - 1
        var slot = bucket(key)
        while true {
            let found = slots[slot].key
            if found == key {
                slots[slot].count &+= 1
                return Int(slots[slot].index)
            }
            if found == 0 {
                let index = keys.count
                slots[slot] = Slot(key: key, index: Int32(index), count: 1)
                keys.append(key)
                slotOfKey.append(Int32(slot))
                if keys.count * 2 > size { grow() }
                return index
            }
            slot = (slot + 1) & mask
        }
    }

    /// The index of `key`, or nil.
    func find(_ key: UInt64) -> Int? {
        guard key != 0 else { return nil }
        let mask = size - 1
        var slot = bucket(key)
        while true {
            let found = slots[slot].key
            if found == key { return Int(slots[slot].index) }
            if found == 0 { return nil }
            slot = (slot + 1) & mask
        }
    }

    /// Each key's count, in index order.
    func counts() -> [UInt32] {
        slotOfKey.map { slots[Int($0)].count }
    }

    /// The keys (in index order), handed over: the table keeps no reference to them, so that
    /// `removeAll()` reuses nothing the caller holds.
    mutating func takeKeys() -> [UInt64] {
        defer { keys = [] }
        return keys
    }

    /// Forgets every key, keeping the slots' storage.
    mutating func removeAll() {
        for slot in slotOfKey { slots[Int(slot)].key = 0 }
        keys.removeAll(keepingCapacity: true)
        slotOfKey.removeAll(keepingCapacity: true)
    }

    /// Frees the storage; the table must not be used after.
    func deallocate() {
        slots.deallocate()
    }

    @inline(__always)
    private func bucket(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    private mutating func grow() {
        let old = slots
        let oldSize = size
        size *= 2
        shift = UInt64(64 - size.trailingZeroBitCount)
        slots = .allocate(capacity: size)
        slots.initialize(repeating: Slot(key: 0, index: 0, count: 0), count: size)
        let mask = size - 1
        for index in 0..<oldSize where old[index].key != 0 {
            var target = bucket(old[index].key)
            while slots[target].key != 0 { target = (target + 1) & mask }
            slots[target] = old[index]
            slotOfKey[Int(old[index].index)] = Int32(target)
        }
        old.deallocate()
    }
}

extension TermCountTable {
    /// Tables for analysing one text at a time (on any core), kept for the next text instead of
    /// being made and cleared anew each time.
    final class Pool: @unchecked Sendable {
        static let shared = Pool()
        private let lock = NSLock()
        private var tables: [TermCountTable] = []

        func take() -> TermCountTable {
            lock.lock()
            defer { lock.unlock() }
            return tables.popLast() ?? TermCountTable()
        }

        func give(back table: TermCountTable) {
            var table = table
            table.removeAll()
            lock.lock()
            defer { lock.unlock() }
            if tables.count < 16 { tables.append(table) } else { table.deallocate() }
        }
    }
}

import Foundation

/// One text's term keys (`TermScanner`) and their counts: counted first, then given dense
/// indices (`index()`), after which `keys`, `counts()` and `find(_:)` answer.
///
/// Counting is the inner loop of indexing (two keys per character of every report). It keeps no
/// running index: a key's index would depend on whether each key before it was new, which chains
/// every count to the memory load of the one before (twice as slow). Instead a unigram of the CJK
/// unified ideographs block is counted in a table by code point, and any other key (bigrams) in
/// an open-addressing table whose slot holds the key with its count; each appends its entry to a
/// list of entries in first-seen order, and only that list's length depends on whether the key
/// was new (no branch on it: about half of a report's bigrams occur once, so a branch would be
/// mispredicted every other time). `index()` then numbers the unigrams in first-seen order, then
/// the other keys in first-seen order.
///
/// The storage outlives the text: `TermCountTable.Pool` hands it to the next one. The struct is a
/// handle on that storage, used by one text at a time.
struct TermCountTable {
    private struct Slot {
        /// 0 when the slot is empty: no key is 0 (a unigram is an indexable code point, a bigram
        /// has bit 42 set).
        var key: UInt64
        var count: UInt32
        /// Set by `index()`.
        var index: Int32
    }

    /// Unigrams of U+4E00 ..< U+A000 by code point: their count while counting, their index + 1
    /// after `index()`; 0 when not seen.
    private static let directBase: UInt64 = 0x4E00
    private static let directCount = 0x5200
    private let direct: UnsafeMutablePointer<UInt32>
    /// The offsets in `direct` in first-seen order (room for one more than are seen).
    private let directSeen: UnsafeMutablePointer<UInt32>
    private var directSeenCount = 0

    private var slots: UnsafeMutablePointer<Slot>
    private var size: Int
    private var shift: UInt64
    /// The slots in use in first-seen order (room for `size / 2 + 1`).
    private var slotsSeen: UnsafeMutablePointer<Int32>
    private var slotsSeenCount = 0

    /// The keys in index order, and their counts, once indexed.
    private(set) var keys: [UInt64] = []
    private var keyCounts: [UInt32] = []

    init(capacity: Int = 4096) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        self.size = size
        shift = UInt64(64 - size.trailingZeroBitCount)
        slots = .allocate(capacity: size)
        slots.initialize(repeating: Slot(key: 0, count: 0, index: 0), count: size)
        slotsSeen = .allocate(capacity: size / 2 + 1)
        direct = .allocate(capacity: Self.directCount)
        direct.initialize(repeating: 0, count: Self.directCount)
        directSeen = .allocate(capacity: Self.directCount + 1)
    }

    /// How many different keys are counted.
    var count: Int { directSeenCount + slotsSeenCount }

    /// Counts one occurrence of `key`.
    @inline(__always)
    mutating func add(_ key: UInt64) {
        let offset = key &- Self.directBase
        if offset < UInt64(Self.directCount) {
            let entry = direct + Int(offset)
            let known = entry.pointee
            entry.pointee = known &+ 1
            directSeen[directSeenCount] = UInt32(truncatingIfNeeded: offset)
            directSeenCount &+= known == 0 ? 1 : 0
            return
        }
        let mask = size - 1
        var slot = bucket(key)
        while true {
            let found = slots[slot].key
            if found == key || found == 0 {
                slots[slot].key = key
                slots[slot].count &+= 1
                slotsSeen[slotsSeenCount] = Int32(truncatingIfNeeded: slot)
                slotsSeenCount &+= found == 0 ? 1 : 0
                if slotsSeenCount * 2 > size { grow() }
                return
            }
            slot = (slot + 1) & mask
        }
    }

    /// Numbers the counted keys: the CJK unigrams in first-seen order, then the other keys in
    /// first-seen order. Counting must be over.
    mutating func index() {
        keys.removeAll(keepingCapacity: true)
        keyCounts.removeAll(keepingCapacity: true)
        keys.reserveCapacity(count)
        keyCounts.reserveCapacity(count)
        for position in 0..<directSeenCount {
            let offset = Int(directSeen[position])
            keys.append(UInt64(offset) + Self.directBase)
            keyCounts.append(direct[offset])
            direct[offset] = UInt32(truncatingIfNeeded: keys.count)
        }
        for position in 0..<slotsSeenCount {
            let slot = Int(slotsSeen[position])
            slots[slot].index = Int32(truncatingIfNeeded: keys.count)
            keys.append(slots[slot].key)
            keyCounts.append(slots[slot].count)
        }
    }

    /// The index of `key`, or nil; the keys must be indexed.
    func find(_ key: UInt64) -> Int? {
        guard key != 0 else { return nil }
        let offset = key &- Self.directBase
        if offset < UInt64(Self.directCount) {
            let known = direct[Int(offset)]
            return known == 0 ? nil : Int(known) - 1
        }
        let mask = size - 1
        var slot = bucket(key)
        while true {
            let found = slots[slot].key
            if found == key { return Int(slots[slot].index) }
            if found == 0 { return nil }
            slot = (slot + 1) & mask
        }
    }

    /// Each key's count, in index order; the keys must be indexed.
    func counts() -> [UInt32] {
        keyCounts
    }

    /// The keys (in index order), handed over: the table keeps no reference to them, so that
    /// `removeAll()` reuses nothing the caller holds.
    mutating func takeKeys() -> [UInt64] {
        defer { keys = [] }
        return keys
    }

    /// Forgets every key, keeping the storage.
    mutating func removeAll() {
        for position in 0..<directSeenCount { direct[Int(directSeen[position])] = 0 }
        for position in 0..<slotsSeenCount { slots[Int(slotsSeen[position])] = Slot(key: 0, count: 0, index: 0) }
        directSeenCount = 0
        slotsSeenCount = 0
        keys.removeAll(keepingCapacity: true)
        keyCounts.removeAll(keepingCapacity: true)
    }

    /// Frees the storage; the table must not be used after.
    func deallocate() {
        slots.deallocate()
        slotsSeen.deallocate()
        direct.deallocate()
        directSeen.deallocate()
    }

    @inline(__always)
    private func bucket(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// Doubles the slots, moving the keys in first-seen order (so the list follows them).
    private mutating func grow() {
        let old = slots
        let oldSeen = slotsSeen
        size *= 2
        shift = UInt64(64 - size.trailingZeroBitCount)
        slots = .allocate(capacity: size)
        slots.initialize(repeating: Slot(key: 0, count: 0, index: 0), count: size)
        slotsSeen = .allocate(capacity: size / 2 + 1)
        let mask = size - 1
        for position in 0..<slotsSeenCount {
            let entry = old[Int(oldSeen[position])]
            var target = bucket(entry.key)
            while slots[target].key != 0 { target = (target + 1) & mask }
            slots[target] = entry
            slotsSeen[position] = Int32(target)
        }
        old.deallocate()
        oldSeen.deallocate()
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

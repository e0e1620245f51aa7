import Testing
@testable import Search

/// The table that counts a text's terms must agree with plain counting, however many keys.
@Suite struct TermCountTableTests {
    /// Keys like the scanner's (unigrams and bigrams), many repeated, from a fixed generator; some
    /// unigrams outside the CJK block the table counts by code point (extension A).
    static func keys(count: Int, distinct: Int) -> [UInt64] {
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        return (0..<count).map { _ in
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            let value = UInt32(0x4E00 + state % UInt64(distinct))
            if state & 1 == 1 { return TermScanner.bigramKey(value, 0x4E00 + value % 97) }
            return state & 6 == 6 ? UInt64(0x3400 + value % 0x19B6) : UInt64(value)
        }
    }

    /// Plain counting: the unigrams of U+4E00 ..< U+A000 in first-seen order, then the other keys
    /// in first-seen order, with their counts.
    static func reference(_ keys: [UInt64]) -> (keys: [UInt64], counts: [UInt32]) {
        var order: [UInt64] = []
        var counts: [UInt64: UInt32] = [:]
        for key in keys {
            if counts[key] == nil { order.append(key) }
            counts[key, default: 0] += 1
        }
        let inBlock = { (key: UInt64) in (0x4E00..<0xA000).contains(key) }
        order = order.filter(inBlock) + order.filter { !inBlock($0) }
        return (order, order.map { counts[$0]! })
    }

    @Test(arguments: [10, 3_000, 40_000])
    func countsAndIndicesAreThoseOfPlainCounting(distinct: Int) {
        let keys = Self.keys(count: distinct * 4, distinct: distinct)
        // Small, so that the larger texts make it grow (twice and more).
        var table = TermCountTable(capacity: 1024)
        defer { table.deallocate() }
        for key in keys { table.add(key) }
        table.index()
        let expected = Self.reference(keys)
        #expect(table.count == expected.keys.count)
        #expect(table.keys == expected.keys)
        #expect(table.counts() == expected.counts)
        #expect(expected.keys.enumerated().allSatisfy { table.find($0.element) == $0.offset })
        #expect(table.find(TermScanner.bigramKey(0x61, 0x62)) == nil)
        #expect(table.find(0) == nil)
    }

    @Test func aTableGivenBackStartsTheNextTextEmpty() {
        let first = Self.keys(count: 20_000, distinct: 9_000)
        let second = Self.keys(count: 500, distinct: 300).map { $0 ^ (1 << 41) }
        var table = TermCountTable.Pool.shared.take()
        for key in first { table.add(key) }
        table.index()
        #expect(table.takeKeys() == Self.reference(first).keys)
        TermCountTable.Pool.shared.give(back: table)

        var next = TermCountTable.Pool.shared.take()
        defer { TermCountTable.Pool.shared.give(back: next) }
        #expect(next.count == 0)
        next.index()
        #expect(first.allSatisfy { next.find($0) == nil })
        for key in second { next.add(key) }
        next.index()
        let expected = Self.reference(second)
        #expect(next.keys == expected.keys)
        #expect(next.counts() == expected.counts)
    }
}

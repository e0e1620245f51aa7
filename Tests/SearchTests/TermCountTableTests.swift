import Testing
@testable import Search

/// The table that counts a text's terms must agree with plain counting, however many keys.
@Suite struct TermCountTableTests {
    /// Keys like the scanner's (unigrams and bigrams), many repeated, from a fixed generator.
    static func keys(count: Int, distinct: Int) -> [UInt64] {
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        return (0..<count).map { _ in
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            let value = UInt32(0x4E00 + state % UInt64(distinct))
            return state & 1 == 0 ? UInt64(value) : TermScanner.bigramKey(value, 0x4E00 + value % 97)
        }
    }

    static func reference(_ keys: [UInt64]) -> (keys: [UInt64], counts: [UInt32]) {
        var order: [UInt64] = []
        var counts: [UInt64: UInt32] = [:]
        for key in keys {
            if counts[key] == nil { order.append(key) }
            counts[key, default: 0] += 1
        }
        return (order, order.map { counts[$0]! })
    }

    @Test(arguments: [10, 3_000, 40_000])
    func countsAndIndicesAreThoseOfPlainCounting(distinct: Int) {
        let keys = Self.keys(count: distinct * 4, distinct: distinct)
        // Small, so that the larger texts make it grow (twice and more).
        var table = TermCountTable(capacity: 1024)
        defer { table.deallocate() }
        var indices: [Int] = []
        for key in keys { indices.append(table.add(key)) }
        let expected = Self.reference(keys)
        #expect(table.keys == expected.keys)
        #expect(table.counts() == expected.counts)
        let position = Dictionary(uniqueKeysWithValues: expected.keys.enumerated().map { ($0.element, $0.offset) })
        #expect(indices == keys.map { position[$0]! })
        #expect(expected.keys.enumerated().allSatisfy { table.find($0.element) == $0.offset })
        #expect(table.find(TermScanner.bigramKey(0x61, 0x62)) == nil)
        #expect(table.find(0) == nil)
    }

    @Test func aTableGivenBackStartsTheNextTextEmpty() {
        let first = Self.keys(count: 20_000, distinct: 9_000)
        let second = Self.keys(count: 500, distinct: 300).map { $0 ^ (1 << 41) }
        var table = TermCountTable.Pool.shared.take()
        for key in first { _ = table.add(key) }
        #expect(table.takeKeys() == Self.reference(first).keys)
        TermCountTable.Pool.shared.give(back: table)

        var next = TermCountTable.Pool.shared.take()
        defer { TermCountTable.Pool.shared.give(back: next) }
        #expect(next.count == 0)
        #expect(first.allSatisfy { next.find($0) == nil })
        for key in second { _ = next.add(key) }
        let expected = Self.reference(second)
        #expect(next.keys == expected.keys)
        #expect(next.counts() == expected.counts)
    }
}

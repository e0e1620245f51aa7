@testable import Search
import Testing

/// The index writer's table of the corpus's terms: each key keeps the term number it was first
/// given, new keys take the next numbers in the order they come, through any growth.
@Suite struct TermTableTests {
    /// Keys as `TermScanner` makes them: code points, and bigrams with bit 42 set.
    private func keys(_ count: Int, seed: UInt64) -> [UInt64] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let a = (state >> 33) % 3000 + 0x4E00
            let b = (state >> 13) % 3000 + 0x4E00
            return state & 1 == 0 ? a : (1 << 42) | a << 21 | b
        }
    }

    @Test func termsAreNumberedInFirstSeenOrderThroughGrowth() {
        var table = TermTable(capacity: 16)
        var reference: [UInt64: Int] = [:]
        var allAdded: [UInt64] = []
        for document in 0..<60 {
            // Documents share many keys; some repeat within one call.
            var batch = keys(400, seed: UInt64(document % 7))
            batch += keys(50, seed: 1000 + UInt64(document))
            batch += batch.prefix(5)
            var terms = [Int](repeating: -1, count: batch.count)
            var added: [UInt64] = []
            table.terms(of: batch, into: &terms, nextTerm: reference.count, added: &added)

            var expectedAdded: [UInt64] = []
            for (index, key) in batch.enumerated() {
                if reference[key] == nil {
                    reference[key] = reference.count
                    expectedAdded.append(key)
                }
                #expect(terms[index] == reference[key], "document \(document), key \(index)")
            }
            #expect(added == expectedAdded)
            allAdded += added
        }
        #expect(table.count == reference.count)
        #expect(reference.count > 1000, "the table grew many times")
        for (number, key) in allAdded.enumerated() { #expect(table.term(of: key) == number) }
        #expect(table.term(of: 0x4E00 - 1) == nil)
    }

    @Test func numbersStartWhereTheCallerSays() {
        // The writer's words take term numbers too: a key's number follows them.
        var table = TermTable()
        var terms = [0, 0, 0]
        var added: [UInt64] = []
        table.terms(of: [0x4E01, 0x4E02, 0x4E01], into: &terms, nextTerm: 10, added: &added)
        #expect(terms == [10, 11, 10])
        #expect(added == [0x4E01, 0x4E02])
        added = []
        table.terms(of: [0x4E02, 0x4E03], into: &terms, nextTerm: 15, added: &added)
        #expect(Array(terms.prefix(2)) == [11, 15])
        #expect(added == [0x4E03])
    }
}

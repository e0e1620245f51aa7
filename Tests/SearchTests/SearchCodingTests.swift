import Foundation
import Testing
@testable import Search

/// The bit-level codes of the index: what is written reads back the same.
@Suite struct SearchCodingTests {
    @Test func expGolombCodesReadBackForEveryOrder() {
        let values = [0, 1, 2, 3, 7, 8, 100, 1_000, 65_535, 1 << 20, (1 << 40) + 3]
        for k in 0...15 {
            var writer = BitWriter()
            for value in values { writer.expGolomb(value, k: k) }
            writer.write(5, bits: 3)
            var reader = BitReader(writer.finish())
            #expect(values.map { _ in reader.expGolomb(k: k) } == values.map(Optional.init), "order \(k)")
            #expect(reader.read(bits: 3) == 5)
            #expect(values.reduce(3) { $0 + BitWriter.expGolombBits($1, k: k) } <= reader.bitCount)
        }
    }

    @Test func bitsGoOutMostSignificantFirstAndTheLastByteIsPaddedWithZeros() {
        var writer = BitWriter()
        writer.write(0b101, bits: 3)
        writer.write(0xFFFF_FFFF, bits: 32)
        writer.write(0, bits: 2)
        writer.write(1, bits: 1)
        #expect(writer.finish() == [0b1011_1111, 0xFF, 0xFF, 0xFF, 0b1110_0100])
        var empty = BitWriter()
        #expect(empty.finish() == [])
        var whole = BitWriter()
        whole.write(0xDEAD_BEEF, bits: 32)
        #expect(whole.finish() == [0xDE, 0xAD, 0xBE, 0xEF])
    }

    /// The order search as first written, one pass per order tried: the reference.
    static func bestOrderByPasses(_ values: [Int], maxK: Int) -> Int {
        guard !values.isEmpty else { return 0 }
        let mean = Double(values.reduce(0, +)) / Double(values.count)
        let guess = mean < 1 ? 0 : min(maxK, Int(log2(mean)))
        func total(_ k: Int) -> Int { values.reduce(0) { $0 + BitWriter.expGolombBits($1, k: k) } }
        var best = guess
        var bestTotal = total(guess)
        for direction in [-1, 1] {
            var k = guess + direction
            while (0...maxK).contains(k) {
                let size = total(k)
                guard size < bestTotal else { break }
                best = k
                bestTotal = size
                k += direction
            }
        }
        return best
    }

    @Test func theOrderIsTheOneSearchingOrderByOrderFinds() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return Int(state % UInt64(max(1, bound)))
        }
        for round in 0..<600 {
            // Gaps of lists from dense to sparse, levels' differences, and lopsided mixtures.
            let scale = [1, 2, 5, 30, 400, 9_000, 200_000][round % 7]
            let values = (0..<(1 + next(300))).map { _ in next(scale) + (next(10) == 0 ? next(scale * 50) : 0) }
            for maxK in [7, 15] {
                #expect(BitWriter.bestOrder(for: values, minus: 0, maxK: maxK) == Self.bestOrderByPasses(values, maxK: maxK))
                let gaps = values.map { $0 + 1 }
                #expect(BitWriter.bestOrder(for: gaps, minus: 1, maxK: maxK) == Self.bestOrderByPasses(values, maxK: maxK))
            }
        }
    }

    @Test func theBestOrderIsTheShortest() {
        let small = [0, 0, 1, 0, 2, 0]
        let large = [900, 1_200, 700, 1_500]
        #expect(BitWriter.bestOrder(for: small, maxK: 15) == 0)
        #expect(BitWriter.bestOrder(for: large, maxK: 15) >= 8)
    }

    @Test func postingsReadBackWithTheirLevelsAndTitles() {
        var builder = PostingsCoding.Builder()
        let title = FieldOccurrence(term: 0, titleLength: 12, titlePositions: [0, 5, 9], tags: 0, regions: 0, headings: 0)
        let tagged = FieldOccurrence(term: 0, titleLength: 0, titlePositions: [], tags: 2, regions: 1, headings: 3)
        builder.append(doc: 0, frequency: 1, field: nil)
        builder.append(doc: 3, frequency: 40, field: title)
        builder.append(doc: 4, frequency: 1, field: nil)
        builder.append(doc: 9_000, frequency: 1, field: tagged)
        var lengths = [Int](repeating: 1_000, count: 9_001)
        lengths[4] = 10_000
        let bits = builder.encoded(lengths: lengths, averageLength: 1_000)
        let postings = PostingsCoding.decode(bits, documentFrequency: 4)
        #expect(postings?.documents == [0, 3, 4, 9_000])
        let levels = postings?.levels.map(Int.init) ?? []
        #expect(levels.count == 4)
        #expect(levels.allSatisfy { (0..<SearchFormat.impactLevels).contains($0) })
        // More occurrences weigh more; so do a title and tags; a long report weighs less.
        #expect(levels[1] > levels[0] && levels[3] > levels[0] && levels[2] < levels[0])
        #expect(postings?.titles[1] == PostingsCoding.Title(length: 12, positions: [0, 5, 9]))
        #expect(postings?.titles.count == 1)
        #expect(postings?.entry(of: 4) == 2 && postings?.entry(of: 5) == nil)
        // Cut short, the bits are refused rather than misread.
        #expect(PostingsCoding.decode(Array(bits.prefix(2)), documentFrequency: 4) == nil)
    }

    /// The index writer's store appends what `Builder` appends (gaps and counts of any size,
    /// fields) and gives the same bits; a copy keeps its contents when the original changes.
    @Test func theStoreKeepsWhatABuilderKeeps() {
        var generator = SystemRandomNumberGenerator()
        let store = PostingsStore()
        var builders: [PostingsCoding.Builder] = []
        for _ in 0..<40 {
            _ = store.addTerm()
            builders.append(PostingsCoding.Builder())
        }
        var docs = [Int](repeating: -1, count: 40)
        for _ in 0..<3_000 {
            let term = Int.random(in: 0..<40, using: &generator)
            let doc = docs[term] + Int.random(in: 1...(Bool.random(using: &generator) ? 3 : 100_000), using: &generator)
            let frequency = UInt32.random(in: 1...(Bool.random(using: &generator) ? 5 : 1_000_000), using: &generator)
            let field = Int.random(in: 0..<20, using: &generator) == 0
                ? FieldOccurrence(term: 0, titleLength: 9, titlePositions: [1, 4], tags: 1, regions: 0, headings: 2) : nil
            docs[term] = doc
            builders[term].append(doc: doc, frequency: frequency, field: field)
            let entry = store.withTerms { PostingsStore.append(doc: doc, frequency: frequency, to: &$0[term]) }
            if let field { store.addField(term: term, entry: entry, occurrence: field) }
        }
        let copy = store.copy()
        let lengths = [Int](repeating: 800, count: (docs.max() ?? 0) + 1)
        func bits(_ store: PostingsStore, _ term: Int) -> [UInt8] {
            PostingsCoding.encoded(varints: store.bytes(of: term), documentFrequency: store.documentFrequency(of: term),
                                   fields: store.fields[term], norms: PostingsCoding.norms(lengths: lengths, averageLength: 1_000))
        }
        let before = (0..<40).map { bits(copy, $0) }
        for term in 0..<40 {
            #expect(store.documentFrequency(of: term) == builders[term].documentFrequency)
            #expect(bits(store, term) == builders[term].encoded(lengths: lengths, averageLength: 1_000))
        }
        _ = store.withTerms { PostingsStore.append(doc: docs[0] + 1, frequency: 1, to: &$0[0]) }
        #expect((0..<40).map { bits(copy, $0) } == before)
        #expect(bits(store, 0) != before[0])
    }

    @Test func reportIdListsReadBack() {
        for ids in [[], [0], [5, 6, 7, 8], Array(stride(from: 3, to: 20_000, by: 7)), [0, 19_999]] {
            #expect(PostingsCoding.decodeIDs(PostingsCoding.encodeIDs(ids)) == ids)
        }
    }

    @Test func everyTextReadsBackFromTheCharacterCode() {
        let texts = [
            "", "新质生产力", "ＡＢＣ　全角１２３\n\t“引号”《书名》", "GDP增长5.3%", "\u{0}\u{1}\u{7F}",
            "𠀀𠀁 ext-b 🙂", "鿕龘𪚥 rare", String(repeating: "县域经济高质量发展。", count: 300),
        ]
        let code = CharacterCode.shared
        for text in texts {
            let bits = code.encode(text)
            #expect(code.decode(bits, count: text.unicodeScalars.count) == text)
        }
        // Bits that end too soon are refused.
        let bits = code.encode("新质生产力")
        #expect(code.decode(Array(bits.dropLast()), count: 5) == nil)
    }

    @Test func theCharacterCodeIsCanonicalAndComplete() {
        let code = CharacterCode.shared
        #expect(code.symbols.count == code.lengthCounts.reduce(0, +))
        #expect(code.symbols.contains("\u{0}"))
        // Kraft's sum of a complete prefix code is exactly 1.
        let kraft = code.lengthCounts.enumerated().reduce(0.0) { $0 + Double($1.element) / pow(2, Double($1.offset + 1)) }
        #expect(abs(kraft - 1) < 1e-12)
    }

    @Test func theSampleReportsShrinkToLessThanHalfTheirUTF8() throws {
        let raw = SearchExactnessTests.repoRoot.appendingPathComponent("content/raw")
        var utf8 = 0
        var coded = 0
        for file in try FileManager.default.contentsOfDirectory(atPath: raw.path) where file.hasSuffix(".txt") {
            let text = try String(contentsOf: raw.appendingPathComponent(file), encoding: .utf8)
            utf8 += text.utf8.count
            coded += CharacterCode.shared.encode(text).count
        }
        #expect(utf8 > 10_000)
        #expect(Double(coded) / Double(utf8) < 0.5)
    }

    @Test(arguments: [
        ("新质生产力", ["新质", "生产", "产力"]),
        ("营商环境", ["营商", "环境"]),
        ("为新质", ["为新", "新质"]),
        ("县域经济高质量发展", ["县域", "经济", "高质", "量发", "发展"]),
        ("营商、环境", ["营商", "环境"]),
        ("新", ["新"]),
    ])
    func aPartIsLookedUpByBigramsThatCoverIt(part: String, expected: [String]) {
        #expect(SearchQuery.coveringTerms(of: Array(part.unicodeScalars)).map(\.term) == expected)
    }
}

import Testing
@testable import Search

/// The index writer's integer fast path must find exactly the tokenizer's terms.
@Suite struct TermScannerTests {
    @Test(arguments: JavaScriptTwinTests.samples)
    func theFastPathFindsTheTokenizersTerms(sample: String) {
        var fast: [String] = []
        TermScanner.scan(NormalizedValues(sample).values) { key, position in
            let kind = key >> 42 == 0 ? "unigram" : "bigram"
            fast.append("\(kind)|\(TermScanner.name(of: key))|\(position)")
        } word: { word, position in
            fast.append("word|\(word)|\(position)")
        }
        let slow = SearchTokenizer().tokens(sample).map { "\($0.kind.rawValue)|\($0.text)|\($0.position)" }
        #expect(fast == slow)
    }

    @Test func normalisedValuesMapBackToTheOriginalCharacters() {
        let text = "ＡＢ　新质①"
        let normalized = NormalizedValues(text)
        #expect(normalized.values == Array("ab 新质1".unicodeScalars.map(\.value)))
        #expect(normalized.origins == [0, 1, 2, 3, 4, 5])
    }

    @Test func codePointsAreDecodedFromUTF8OfEveryLength() {
        let text = "a é 新质 𠀀 ＡＢ\u{7F}\u{80}\u{7FF}\u{800}\u{FFFF}\u{10000}\u{10FFFF}"
        #expect(NormalizedValues.scalarValues(of: text) == text.unicodeScalars.map(\.value))
        #expect(NormalizedValues.scalarValues(of: "").isEmpty)
    }

    /// Indexing normalises from code points through a flat table; it must give what the
    /// normaliser gives scalar by scalar, for every scalar the table covers and the samples.
    @Test func normalisingCodePointsMatchesTheNormaliser() {
        var scalars: [Unicode.Scalar] = []
        for range in [0x0...0x24F, 0x370...0x4FF, 0x2000...0x206F, 0x2150...0x24FF, 0x3000...0x33FF, 0xF900...0xFAFF, 0xFB00...0xFB4F, 0xFF00...0xFFEF] {
            scalars += range.compactMap { Unicode.Scalar(UInt32($0)) }
        }
        for sample in JavaScriptTwinTests.samples { scalars += sample.unicodeScalars }
        var fast: [UInt32] = []
        NormalizedValues.append(scalars: scalars.map(\.value), to: &fast)
        let slow = scalars.flatMap { SearchNormalizer.map($0).map(\.value) }
        #expect(fast == slow)
    }
}

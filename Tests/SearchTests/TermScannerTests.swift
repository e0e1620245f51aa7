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
}

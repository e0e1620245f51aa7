import Testing
@testable import Search

/// The index writer's integer fast path must find exactly the tokenizer's terms.
@Suite struct TermScannerTests {
    @Test(arguments: JavaScriptTwinTests.samples)
    func theFastPathFindsTheTokenizersTerms(sample: String) {
        var fast: [String] = []
        TermScanner.scan(NormalizedValues(sample).values) { key, position in
            fast.append("bigram|\(TermScanner.string(of: key))|\(position)")
        } unigram: { value in
            fast.append("unigram|\(String(Unicode.Scalar(value)!))")
        } word: { word, position in
            fast.append("word|\(word)|\(position)")
        }
        let slow = SearchTokenizer().tokens(sample).map { token in
            token.kind == .unigram ? "unigram|\(token.text)" : "\(token.kind.rawValue)|\(token.text)|\(token.position)"
        }
        #expect(fast.sorted() == slow.sorted())
    }

    @Test func normalisedValuesMapBackToTheOriginalCharacters() {
        let text = "ＡＢ　新质①"
        let normalized = NormalizedValues(text)
        #expect(normalized.values == Array("ab 新质1".unicodeScalars.map(\.value)))
        #expect(normalized.origins == [0, 1, 2, 3, 4, 5])
    }
}

import Foundation

/// A term of the search index with the position (in normalised characters) where it starts.
public struct SearchToken: Equatable, Hashable, Sendable {
    public enum Kind: String, Sendable {
        /// Two adjacent characters: every substring of two or more characters is a run of these.
        case bigram
        /// One Chinese character, so that one-character queries work.
        case unigram
        /// A lower-case Latin word or number.
        case word
    }

    public var kind: Kind
    public var text: String
    public var position: Int

    public init(kind: Kind, text: String, position: Int) {
        self.kind = kind
        self.text = text
        self.position = position
    }

    /// The key the index stores the term under; words carry a prefix no text contains.
    public var key: String {
        kind == .word ? SearchToken.wordPrefix + text : text
    }

    public static let wordPrefix = "\u{1}"
}

/// Splits normalised text into index terms. The page's JavaScript has the same rules
/// (`templates/assets/search.js`), and a test checks that both give the same tokens.
///
/// - Every two adjacent indexable characters (Chinese, letters, digits; see
///   `SearchNormalizer.isIndexable`) form a bigram, so any run of two or more of them in a query is
///   a chain of bigrams at consecutive positions, and a query never misses a report that contains it.
/// - Each Chinese character is also a unigram, so that one-character queries work.
/// - Runs of ASCII letters and digits are also words.
public struct SearchTokenizer: Sendable {
    public init() {}

    public func tokens(_ text: String) -> [SearchToken] {
        tokens(normalized: SearchNormalizer().normalize(text).scalars)
    }

    public func tokens(normalized scalars: [Unicode.Scalar]) -> [SearchToken] {
        var tokens: [SearchToken] = []
        var wordStart: Int? = nil
        for (index, scalar) in scalars.enumerated() {
            if SearchNormalizer.isSpace(scalar) {
                flushWord(&wordStart, upTo: index, scalars, into: &tokens)
                continue
            }
            if SearchNormalizer.isHan(scalar) {
                tokens.append(SearchToken(kind: .unigram, text: String(scalar), position: index))
            }
            if index + 1 < scalars.count, SearchNormalizer.isIndexable(scalar), SearchNormalizer.isIndexable(scalars[index + 1]) {
                var pair = String.UnicodeScalarView()
                pair.append(scalar)
                pair.append(scalars[index + 1])
                tokens.append(SearchToken(kind: .bigram, text: String(pair), position: index))
            }
            if SearchNormalizer.isWordCharacter(scalar) {
                if wordStart == nil { wordStart = index }
            } else {
                flushWord(&wordStart, upTo: index, scalars, into: &tokens)
            }
        }
        flushWord(&wordStart, upTo: scalars.count, scalars, into: &tokens)
        return tokens
    }

    private func flushWord(_ start: inout Int?, upTo end: Int, _ scalars: [Unicode.Scalar], into tokens: inout [SearchToken]) {
        guard let begin = start else { return }
        var word = String.UnicodeScalarView()
        word.append(contentsOf: scalars[begin..<end])
        tokens.append(SearchToken(kind: .word, text: String(word), position: begin))
        start = nil
    }
}

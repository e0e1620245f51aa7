/// Small questions about a line of Chinese text, shared by the cleaning and structure steps.
enum TextFeatures {
    /// Ends a sentence.
    static let sentenceEnders: ScalarCharacters = ["。", "！", "？", "!", "?", "…"]
    /// Punctuation inside running text; page chrome (menus, buttons) has none of it.
    static let prosePunctuation: Set<Character> = ["。", "，", "！", "？", "；", "、", ",", ";", "!", "?", "：", "…"]
    static let closers: ScalarCharacters = ["”", "’", "」", "』", "）", ")", "》", "\"", "'", "】", "]"]

    static func hasProsePunctuation(_ text: String) -> Bool {
        // Text of plain scalars (each a character equal only to itself) is checked by scalar,
        // without hashing every character; other text as characters.
        var found = false
        for scalar in text.unicodeScalars {
            guard CharacterArray.isPlain(scalar.value) else { return text.contains { prosePunctuation.contains($0) } }
            if !found, prosePunctuationScalars.contains(value: scalar.value) { found = true }
        }
        return found
    }

    static let prosePunctuationScalars: ScalarCharacters = ["。", "，", "！", "？", "；", "、", ",", ";", "!", "?", "：", "…"]

    /// Whether the text ends a sentence (ignoring closing quotes and brackets).
    static func endsSentence(_ text: String) -> Bool {
        guard let last = text.last(where: { !closers.contains($0) }) else { return false }
        return sentenceEnders.contains(last) || last == "；" || last == ";"
    }

    static func isCJK(_ c: Character) -> Bool {
        guard let v = c.unicodeScalars.first?.value else { return false }
        return (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v) || (0x20000...0x2FFFF).contains(v)
    }

    /// `text.count`, counted by scalar when every scalar is plain (each is then one character).
    static func characterCount(_ text: String) -> Int {
        var count = 0
        for scalar in text.unicodeScalars {
            guard CharacterArray.isPlain(scalar.value) else { return text.count }
            count += 1
        }
        return count
    }

    static func cjkCount(_ text: String) -> Int {
        text.reduce(0) { $0 + (isCJK($1) ? 1 : 0) }
    }

    /// Text without spaces, for comparing lines that differ only in spacing.
    static func compact(_ text: String) -> String {
        // In plain text every character is one scalar, and the white space among plain scalars is
        // U+0020, U+00A0 and U+3000.
        guard text.unicodeScalars.allSatisfy({ CharacterArray.isPlain($0.value) }) else { return String(text.filter { !$0.isWhitespace }) }
        var kept = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where scalar.value != 0x20 && scalar.value != 0xA0 && scalar.value != 0x3000 {
            kept.append(scalar)
        }
        return String(kept)
    }

    /// Whether two lines are the same title written twice (a copy with 的 added, different
    /// spacing or punctuation).
    static func sameTitle(_ a: String, _ b: String) -> Bool {
        /// The letters of `s` without 的, or nil when there are more than `limit`.
        func key(_ s: String, limit: Int) -> String? {
            var key = ""
            var count = 0
            for c in s where (isCJK(c) || c.isLetter || c.isNumber) && c != "的" {
                count += 1
                if count > limit { return nil }
                key.append(c)
            }
            return key
        }
        // Keys differ by at most 4 letters when the titles are the same, and the shorter key is no
        // longer than the shorter text's bytes: a long line's key need not be read to its end.
        let limit = min(a.utf8.count, b.utf8.count) + 4
        guard let ka = key(a, limit: limit), let kb = key(b, limit: limit) else { return false }
        guard !ka.isEmpty, !kb.isEmpty else { return false }
        if ka == kb { return true }
        let (short, long) = ka.count <= kb.count ? (ka, kb) : (kb, ka)
        return short.count >= 6 && long.contains(short) && long.count - short.count <= 4
    }
}

extension Substring {
    /// The text without leading and trailing ASCII spaces; cheaper than Foundation's trimming
    /// on long lines.
    var trimmingSpaces: String {
        let u = utf8
        guard let first = u.firstIndex(where: { $0 != 0x20 }), let last = u.lastIndex(where: { $0 != 0x20 }) else { return "" }
        return String(self[first...last])
    }
}

extension String {
    var trimmingSpaces: String { self[...].trimmingSpaces }
}

extension String {
    /// Whether the UTF-8 holds `needle`'s bytes. For a needle of plain scalars (no other text is
    /// canonically equal to it) this is needed for the text to contain it as characters, and far
    /// cheaper to check first than a Unicode-aware search.
    func containsBytes(_ needle: String) -> Bool {
        var text = self
        var needle = needle
        return text.withUTF8 { haystack in
            needle.withUTF8 { wanted in
                guard let first = wanted.first else { return true }
                guard wanted.count <= haystack.count else { return false }
                var i = 0
                while i <= haystack.count - wanted.count {
                    if haystack[i] == first, (1..<wanted.count).allSatisfy({ haystack[i + $0] == wanted[$0] }) { return true }
                    i += 1
                }
                return false
            }
        }
    }
}

extension StringProtocol {
    /// `count <= limit`, without counting past the limit: counting characters breaks graphemes,
    /// and most lines are paragraphs hundreds of characters long.
    func hasAtMost(_ limit: Int) -> Bool {
        if utf8.count <= limit { return true }
        guard let end = index(startIndex, offsetBy: limit, limitedBy: endIndex) else { return true }
        return end == endIndex
    }
}

/// A set of one-scalar characters, tested by scalar value: asking a `Set<Character>` hashes the
/// character's normalised form, which is most of the time ingest spends scanning text. A character
/// of several scalars is never equal to a one-scalar member, so the answers are the same. The sets
/// are a dozen scalars, which a linear scan checks faster than hashing.
struct ScalarCharacters: ExpressibleByArrayLiteral, Sendable {
    private let values: [UInt32]

    init(arrayLiteral elements: Character...) {
        values = elements.map { character in
            precondition(character.unicodeScalars.count == 1, "ScalarCharacters holds one-scalar characters")
            return character.unicodeScalars.first!.value
        }
    }

    func contains(_ character: Character) -> Bool {
        let scalars = character.unicodeScalars
        guard let first = scalars.first, scalars.index(after: scalars.startIndex) == scalars.endIndex else { return false }
        return values.contains(first.value)
    }

    func contains(value: UInt32) -> Bool {
        values.contains(value)
    }
}

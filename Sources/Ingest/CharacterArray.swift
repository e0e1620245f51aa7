/// A paragraph's characters for the scans of `StructureRecovery`, made once: each character's
/// scalar when comparing by scalar gives the same answer as comparing characters, and where it
/// starts in the UTF-8. Characters of plain text are made from their scalar when asked for.
///
/// Why: `Array(text)` breaks graphemes with the full Unicode rules, `==` on two non-ASCII
/// characters normalises both, and `String(chars[a..<b])` appends one character at a time; for
/// Chinese text that was most of the time spent recovering structure. Text made only of `plain`
/// scalars (below) is split by scalar; any other text by `Character`, so the answers never change.
struct CharacterArray {
    /// The characters of text that is not all plain scalars; empty for plain text.
    private let complex: [Character]
    /// The character's scalar value when it is one plain scalar, else `opaque`.
    let scalars: [UInt32]
    /// UTF-8 offset of each character, and the text's UTF-8 length at the end.
    private let offsets: [Int]
    private let text: String

    static let opaque = UInt32.max

    init(_ text: String) {
        self.text = text
        var characters: [Character] = []
        var scalars: [UInt32] = []
        var offsets: [Int] = []
        let utf8Count = text.utf8.count
        scalars.reserveCapacity(utf8Count / 3 + 1)
        offsets.reserveCapacity(utf8Count / 3 + 2)
        if text.unicodeScalars.allSatisfy({ Self.isPlain($0.value) }) {
            var offset = 0
            for scalar in text.unicodeScalars {
                scalars.append(scalar.value)
                offsets.append(offset)
                offset += UTF8.width(scalar)
            }
        } else {
            var offset = 0
            for character in text {
                characters.append(character)
                let inside = character.unicodeScalars
                let first = inside.first!
                let single = inside.index(after: inside.startIndex) == inside.endIndex
                scalars.append(single && Self.isPlain(first.value) ? first.value : Self.opaque)
                offsets.append(offset)
                offset += character.utf8.count
            }
        }
        offsets.append(utf8Count)
        self.complex = characters
        self.scalars = scalars
        self.offsets = offsets
    }

    var count: Int { scalars.count }

    subscript(_ i: Int) -> Character {
        complex.isEmpty ? Character(Unicode.Scalar(scalars[i])!) : complex[i]
    }

    /// The characters from `i` on, as many as `StructureMarker.parse` may look at.
    func window(at i: Int) -> [Character] {
        (i..<min(count, i + 12)).map { self[$0] }
    }

    /// `String(characters[range])`, cut from the UTF-8 instead of appended character by character.
    func text(_ range: Range<Int>) -> String {
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: offsets[range.lowerBound])
        let end = utf8.index(utf8.startIndex, offsetBy: offsets[range.upperBound])
        return String(text[start..<end])
    }

    /// `self[i] == Character(scalar)`, for a plain `scalar`.
    func isScalar(_ i: Int, _ scalar: Unicode.Scalar) -> Bool {
        let value = scalars[i]
        return value == Self.opaque ? complex[i] == Character(scalar) : value == scalar.value
    }

    /// `set.contains(self[i])`.
    func isIn(_ set: ScalarCharacters, _ i: Int) -> Bool {
        let value = scalars[i]
        return value == Self.opaque ? set.contains(complex[i]) : set.contains(value: value)
    }

    /// Plain scalars stand alone as a character next to any other plain scalar (their grapheme
    /// break property is Other or Control, and CR is left out) and are their own canonical form
    /// (no singleton decomposition such as U+037E → `;`), so comparing them by value is exact.
    /// ASCII, Latin-1, the common punctuation blocks, CJK ideographs and full-width forms: what
    /// Chinese reports are written in.
    static func isPlain(_ v: UInt32) -> Bool {
        switch v {
        case 0x20...0x7E, 0xA0...0xFF: return true
        case 0x2010...0x2027, 0x2030...0x205E: return true
        case 0x3000...0x3029, 0x3030...0x303F: return true
        case 0x3400...0x4DBF, 0x4E00...0x9FFF: return true
        case 0xFF01...0xFF65, 0xFFE0...0xFFE6: return true
        default: return false
        }
    }
}

/// Normalises decoded text into lines: one kind of line break, no invisible characters, plain
/// spaces, indentation recorded rather than kept.
public enum TextNormalizer {
    public static func lines(_ text: String) -> [SourceLine] {
        var lines: [SourceLine] = []
        var current = String.UnicodeScalarView()
        var number = 1
        var previousWasCR = false

        func flush() {
            let line = String(current)
            current = String.UnicodeScalarView()
            lines.append(makeLine(line, number: number))
            number += 1
        }

        for scalar in text.unicodeScalars {
            switch scalar {
            case "\r":
                flush()
                previousWasCR = true
                continue
            case "\n":
                if !previousWasCR { flush() }
            case "\u{2028}", "\u{2029}", "\u{0B}", "\u{0C}", "\u{85}":
                flush()
            // Zero-width characters, byte-order marks and soft hyphens carry nothing.
            case "\u{200B}", "\u{200C}", "\u{200D}", "\u{2060}", "\u{FEFF}", "\u{00AD}":
                break
            // Full-width, no-break and other typographic spaces become plain spaces.
            case "\u{3000}", "\u{00A0}", "\u{2002}", "\u{2003}", "\u{2009}", "\u{202F}", "\u{205F}", "\t":
                current.append(" ")
            default:
                // A stray control character from copying (the decoder refuses files with many).
                if scalar.value < 0x20 || scalar.value == 0x7F { break }
                current.append(scalar)
            }
            previousWasCR = false
        }
        if !current.isEmpty { flush() }
        return lines
    }

    static func makeLine(_ raw: String, number: Int) -> SourceLine {
        let scalars = raw.unicodeScalars
        var start = scalars.startIndex
        while start != scalars.endIndex, scalars[start] == " " { start = scalars.index(after: start) }
        var end = scalars.endIndex
        while end != start, scalars[scalars.index(before: end)] == " " { end = scalars.index(before: end) }
        let text = String(scalars[start..<end])
        return SourceLine(number: number, text: text, indented: start != scalars.startIndex && !text.isEmpty)
    }
}

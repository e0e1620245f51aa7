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
                // Full-width digits and letters (２０２４年, １．) read as ASCII ones; full-width
                // punctuation stays, it is how Chinese is written.
                let v = scalar.value
                if (0xFF10...0xFF19).contains(v) || (0xFF21...0xFF3A).contains(v) || (0xFF41...0xFF5A).contains(v),
                   let ascii = Unicode.Scalar(v - 0xFEE0) {
                    current.append(ascii)
                    break
                }
                current.append(scalar)
            }
            previousWasCR = false
        }
        if !current.isEmpty { flush() }
        return lines
    }

    static func makeLine(_ raw: String, number: Int) -> SourceLine {
        let raw = raw.utf8.contains(0x26) ? decodeEntities(raw) : raw
        let scalars = raw.unicodeScalars
        var start = scalars.startIndex
        while start != scalars.endIndex, scalars[start] == " " { start = scalars.index(after: start) }
        var end = scalars.endIndex
        while end != start, scalars[scalars.index(before: end)] == " " { end = scalars.index(before: end) }
        let text = String(scalars[start..<end])
        return SourceLine(number: number, text: text, indented: start != scalars.startIndex && !text.isEmpty)
    }

    // MARK: - HTML entities

    static let entities: [String: String] = [
        "nbsp": " ", "ensp": " ", "emsp": " ", "thinsp": " ", "amp": "&", "lt": "<", "gt": ">",
        "quot": "\"", "apos": "'", "ldquo": "“", "rdquo": "”", "lsquo": "‘", "rsquo": "’",
        "mdash": "—", "ndash": "–", "hellip": "…", "middot": "·", "times": "×", "copy": "©",
    ]

    /// Text copied from a page's source may keep entities (&nbsp;, &ldquo;, &#12288;).
    public static func decodeEntities(_ text: String) -> String {
        var out = ""
        var rest = text[...]
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            if let semi = after.prefix(10).firstIndex(of: ";") {
                let name = String(after[..<semi])
                var replacement: String?
                if let named = entities[name] {
                    replacement = named
                } else if name.hasPrefix("#x") || name.hasPrefix("#X"), let v = UInt32(name.dropFirst(2), radix: 16), let u = Unicode.Scalar(v) {
                    replacement = String(Character(u))
                } else if name.hasPrefix("#"), let v = UInt32(name.dropFirst()), let u = Unicode.Scalar(v) {
                    replacement = String(Character(u))
                }
                if let replacement {
                    // Spaces and invisible characters from entities get the same treatment as typed ones.
                    out += replacement == "\u{3000}" || replacement == "\u{A0}" ? " " : replacement
                    rest = after[after.index(after: semi)...]
                    continue
                }
            }
            out += "&"
            rest = after
        }
        out += rest
        return out
    }
}

/// Normalises decoded text into lines: one kind of line break, no invisible characters, plain
/// spaces, indentation recorded rather than kept.
public enum TextNormalizer {
    public static func lines(_ text: String) -> [SourceLine] {
        var text = text
        // By UTF-8 bytes, copying runs of ordinary text: most scalars pass through unchanged, and
        // building each line scalar by scalar was the slow part.
        return text.withUTF8 { bytes in
            var lines: [SourceLine] = []
            var current: [UInt8] = []
            var number = 1
            var previousWasCR = false

            func flush() {
                lines.append(makeLine(current, number: number))
                current.removeAll(keepingCapacity: true)
                number += 1
            }

            var i = 0
            while i < bytes.count {
                // A run of printable ASCII and of CJK ideographs and other scalars whose lead byte
                // (E4–EE: U+4000–U+EFFF) no rule below touches is copied at once.
                var end = i
                while end < bytes.count {
                    let b = bytes[end]
                    if b >= 0x20 && b < 0x7F {
                        end += 1
                    } else if b >= 0xE4 && b <= 0xEE && end + 2 < bytes.count {
                        end += 3
                    } else {
                        break
                    }
                }
                if end > i {
                    current.append(contentsOf: bytes[i..<end])
                    previousWasCR = false
                    i = end
                    continue
                }
                let lead = bytes[i]
                let width = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
                let value = Self.scalarValue(bytes, at: i, width: width)
                switch value {
                case 0x0D:
                    flush()
                    previousWasCR = true
                    i += width
                    continue
                case 0x0A:
                    if !previousWasCR { flush() }
                case 0x2028, 0x2029, 0x0B, 0x0C, 0x85:
                    flush()
                // Zero-width characters, byte-order marks and soft hyphens carry nothing.
                case 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD:
                    break
                // Full-width, no-break and other typographic spaces become plain spaces.
                case 0x3000, 0x00A0, 0x2002, 0x2003, 0x2009, 0x202F, 0x205F, 0x09:
                    current.append(0x20)
                // A stray control character from copying (the decoder refuses files with many).
                case 0..<0x20, 0x7F:
                    break
                // Full-width digits and letters (２０２４年, １．) read as ASCII ones; full-width
                // punctuation stays, it is how Chinese is written.
                case 0xFF10...0xFF19, 0xFF21...0xFF3A, 0xFF41...0xFF5A:
                    current.append(UInt8(value - 0xFEE0))
                default:
                    current.append(contentsOf: bytes[i..<(i + width)])
                }
                previousWasCR = false
                i += width
            }
            if !current.isEmpty { flush() }
            return lines
        }
    }

    /// The scalar encoded at `i` in valid UTF-8.
    private static func scalarValue(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, width: Int) -> UInt32 {
        let lead = UInt32(bytes[i])
        switch width {
        case 1: return lead
        case 2: return (lead & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
        case 3: return (lead & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
        default:
            return (lead & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6 | UInt32(bytes[i + 3] & 0x3F)
        }
    }

    /// A line from its normalised bytes: entities decoded, edge spaces trimmed (as indentation).
    static func makeLine(_ bytes: [UInt8], number: Int) -> SourceLine {
        if bytes.contains(0x26) { return makeLine(String(decoding: bytes, as: UTF8.self), number: number) }
        var start = 0
        while start < bytes.count, bytes[start] == 0x20 { start += 1 }
        var end = bytes.count
        while end > start, bytes[end - 1] == 0x20 { end -= 1 }
        let text = String(decoding: bytes[start..<end], as: UTF8.self)
        return SourceLine(number: number, text: text, indented: start != 0 && !text.isEmpty)
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

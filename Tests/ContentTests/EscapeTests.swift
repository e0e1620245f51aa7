import Content
import Foundation
import Testing

/// Escaping works on UTF-8 bytes; it must give exactly what escaping scalar by scalar gives.
@Suite struct EscapeTests {
    /// The escapes as first written, one scalar at a time: the reference.
    static func markupByScalar(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func jsonByScalar(_ text: String, forScript: Bool) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            case "<" where forScript, ">" where forScript, "&" where forScript:
                out += String(format: "\\u%04x", scalar.value)
            default:
                if scalar.value < 0x20 { out += String(format: "\\u%04x", scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }

    /// Every ASCII character, the separators, Chinese, an astral character, a combining mark,
    /// and strings made at random from them.
    static let samples: [String] = {
        let pieces: [String] = (0..<128).map { String(UnicodeScalar(UInt8($0))) }
            + ["\u{2028}", "\u{2029}", "\u{2027}", "\u{202A}", "新质生产力", "“营商环境”", "𠀀", "e\u{301}", "\u{7F}", "\u{80}", "\u{FFFD}"]
        var samples = pieces + ["", "plain text", "a < b && c > \"d\" 'e'", "</script><!--", "line\nbreak\r\n\ttab"]
        var state: UInt64 = 88_172_645_463_325_252
        for _ in 0..<300 {
            var text = ""
            for _ in 0..<Int(state % 12) {
                state ^= state << 13
                state ^= state >> 7
                state ^= state << 17
                text += pieces[Int(state % UInt64(pieces.count))]
            }
            samples.append(text)
        }
        return samples
    }()

    @Test func markupEscapesAsScalarByScalar() {
        for text in Self.samples {
            #expect(Escape.markup(text) == Self.markupByScalar(text), "\(text.debugDescription)")
        }
        #expect(Escape.markup("<a href=\"x\">Tom & Jerry's</a>") == "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;")
    }

    @Test(arguments: [false, true])
    func jsonStringsEscapeAsScalarByScalar(forScript: Bool) {
        for text in Self.samples {
            #expect(Escape.jsonString(text, forScript: forScript) == Self.jsonByScalar(text, forScript: forScript), "\(text.debugDescription)")
        }
        #expect(Escape.jsonString("</script>\u{2028}\u{1}", forScript: true) == "\"\\u003c/script\\u003e\\u2028\\u0001\"")
        #expect(Escape.jsonString("a\"b\\c\n", forScript: false) == "\"a\\\"b\\\\c\\n\"")
    }
}

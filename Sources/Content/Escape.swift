import Foundation

/// Escaping for the places generated text goes: HTML and XML text and attributes, and JSON strings.
/// One implementation, so that every page, feed and index file escapes the same way.
///
/// Both work on the text's UTF-8: every character they replace is ASCII, and in UTF-8 an ASCII
/// byte is always that character (the bytes of other characters are all 0x80 and above), so a
/// byte-by-byte pass is exact. A site's build escapes millions of strings; scalar by scalar, each
/// appended character cost a call.
public enum Escape {
    /// For HTML and XML, in text and in quoted attributes: `& < > " '`.
    public static func markup(_ text: String) -> String {
        var text = text
        return text.withUTF8 { utf8 -> String? in
            guard utf8.contains(where: { markupEscapes[Int($0)] != nil }) else { return nil }
            // At most six bytes for one (`&quot;`).
            let bytes = [UInt8](unsafeUninitializedCapacity: utf8.count * 6) { out, count in
                for byte in utf8 {
                    if let escape = markupEscapes[Int(byte)] {
                        for part in escape { out[count] = part; count += 1 }
                    } else {
                        out[count] = byte
                        count += 1
                    }
                }
            }
            return String(decoding: bytes, as: UTF8.self)
        } ?? text
    }

    private static let markupEscapes: [[UInt8]?] = (0..<256).map { byte in
        switch UInt8(byte) {
        case UInt8(ascii: "&"): Array("&amp;".utf8)
        case UInt8(ascii: "<"): Array("&lt;".utf8)
        case UInt8(ascii: ">"): Array("&gt;".utf8)
        case UInt8(ascii: "\""): Array("&quot;".utf8)
        case UInt8(ascii: "'"): Array("&#39;".utf8)
        default: nil
        }
    }

    /// A JSON string literal, quotes included. With `forScript`, `<`, `>` and `&` are escaped too,
    /// so that the JSON can sit inside a `<script>` element without ending it or starting markup.
    /// U+2028 and U+2029 are escaped (older JavaScript ends a line at them), as are controls.
    public static func jsonString(_ text: String, forScript: Bool = false) -> String {
        var text = text
        return text.withUTF8 { utf8 in
            let hex = Array("0123456789abcdef".utf8)
            // At most six bytes for one (`\u001f`); the quotes.
            let bytes = [UInt8](unsafeUninitializedCapacity: utf8.count * 6 + 2) { out, count in
                func put(_ byte: UInt8) {
                    out[count] = byte
                    count += 1
                }
                func unicode(_ value: UInt32) {
                    put(UInt8(ascii: "\\"))
                    put(UInt8(ascii: "u"))
                    for shift in [12, 8, 4, 0] as [UInt32] { put(hex[Int((value >> shift) & 0xF)]) }
                }
                put(UInt8(ascii: "\""))
                var index = 0
                while index < utf8.count {
                    let byte = utf8[index]
                    switch byte {
                    case UInt8(ascii: "\""): put(UInt8(ascii: "\\")); put(byte)
                    case UInt8(ascii: "\\"): put(UInt8(ascii: "\\")); put(byte)
                    case UInt8(ascii: "\n"): put(UInt8(ascii: "\\")); put(UInt8(ascii: "n"))
                    case UInt8(ascii: "\r"): put(UInt8(ascii: "\\")); put(UInt8(ascii: "r"))
                    case UInt8(ascii: "\t"): put(UInt8(ascii: "\\")); put(UInt8(ascii: "t"))
                    case 0..<0x20: unicode(UInt32(byte))
                    case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"):
                        if forScript { unicode(UInt32(byte)) } else { put(byte) }
                    case 0xE2 where index + 2 < utf8.count && utf8[index + 1] == 0x80
                        && (utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9):
                        // U+2028 LINE SEPARATOR, U+2029 PARAGRAPH SEPARATOR.
                        unicode(utf8[index + 2] == 0xA8 ? 0x2028 : 0x2029)
                        index += 2
                    default:
                        put(byte)
                    }
                    index += 1
                }
                put(UInt8(ascii: "\""))
            }
            return String(decoding: bytes, as: UTF8.self)
        }
    }
}

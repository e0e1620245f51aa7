/// Reads attribute values out of HTML we wrote ourselves (templates and cmark's output).
/// Not a general HTML parser: text content is always escaped there, so `name="` only occurs in tags.
enum HTMLAttributes {
    struct Attribute: Equatable {
        var name: String
        var value: String
    }

    /// Every `name="value"` or `name='value'` for the given names, in document order, entities decoded.
    static func values(in html: String, names: Set<String>) -> [Attribute] {
        let bytes = Array(html.utf8)
        var found: [Attribute] = []
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "="), index > 0 else { index += 1; continue }
            // The name ends right before `=` and starts after whitespace.
            var start = index
            while start > 0, isNameByte(bytes[start - 1]) { start -= 1 }
            guard start < index, start > 0, isSpace(bytes[start - 1]),
                  index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\"") || bytes[index + 1] == UInt8(ascii: "'")
            else { index += 1; continue }
            let quote = bytes[index + 1]
            var end = index + 2
            while end < bytes.count, bytes[end] != quote { end += 1 }
            let name = String(decoding: bytes[start..<index], as: UTF8.self).lowercased()
            if names.contains(name) {
                found.append(Attribute(name: name, value: decodeEntities(String(decoding: bytes[(index + 2)..<min(end, bytes.count)], as: UTF8.self))))
            }
            index = end + 1
        }
        return found
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ":")
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
    }

    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            rest = rest[amp...]
            guard let semi = rest.firstIndex(of: ";"), rest.distance(from: amp, to: semi) <= 10 else {
                out += "&"
                rest = rest.dropFirst()
                continue
            }
            let entity = rest[rest.index(after: amp)..<semi]
            if let decoded = decode(entity) {
                out += decoded
                rest = rest[rest.index(after: semi)...]
            } else {
                out += "&"
                rest = rest.dropFirst()
            }
        }
        return out + rest
    }

    private static func decode(_ entity: Substring) -> String? {
        switch entity {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        default:
            let number: UInt32?
            if entity.hasPrefix("#x") || entity.hasPrefix("#X") {
                number = UInt32(entity.dropFirst(2), radix: 16)
            } else if entity.hasPrefix("#") {
                number = UInt32(entity.dropFirst())
            } else {
                number = nil
            }
            return number.flatMap(Unicode.Scalar.init).map { String(Character($0)) }
        }
    }
}

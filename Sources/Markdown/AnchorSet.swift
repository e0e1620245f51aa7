/// Hands out heading anchors that are unique within one document: `对策建议`, `对策建议-2`, …
///
/// Anchors keep a heading's letters and digits in any script, as GitHub and Hugo make them:
/// `一、基本情况` → `一基本情况`, `Part 2: Outlook` → `part-2-outlook`. They are readable in the
/// address bar, cost nothing to make, and need no escaping in an `id` or a URL fragment.
struct AnchorSet {
    private var used: Set<String>

    init(reserved: Set<String>) {
        used = reserved
    }

    static let maxLength = 60

    /// Letters and digits lower-cased, `-` and `_` kept, white space as `-`, the rest dropped.
    static func slug(for text: String) -> String {
        var slug = String.UnicodeScalarView()
        var pendingDash = false
        var count = 0
        // Headings in ASCII and common Chinese characters (nearly all) are classified without
        // Unicode's property tables; any other character sends the whole text the long way.
        let plain = text.unicodeScalars.allSatisfy { isPlain($0.value) }
        for scalar in (plain ? text : text.lowercased()).unicodeScalars {
            let (keep, isWhitespace, lower) = plain ? Self.plainClass(of: scalar) : Self.unicodeClass(of: scalar)
            if keep || scalar == "-" {
                if pendingDash && !slug.isEmpty && slug.last != "-" && scalar != "-" {
                    slug.append("-")
                    count += 1
                }
                pendingDash = false
                if scalar == "-" && (slug.isEmpty || slug.last == "-") { continue }
                guard count < maxLength else { break }
                slug.append(lower)
                count += 1
            } else if isWhitespace {
                pendingDash = true
            }
        }
        while slug.last == "-" { slug.removeLast() }
        return slug.isEmpty ? "section" : String(slug)
    }

    /// ASCII, the common Chinese characters, and the punctuation Chinese headings use (、。《》
    /// 【】（）：“” — …): characters whose class `plainClass` knows without Unicode's tables.
    static func isPlain(_ value: UInt32) -> Bool {
        switch value {
        case 0..<0x80, 0x4E00...0x9FFF, 0x3000...0x3002, 0x3008...0x3011, 0x3014...0x301F,
             0xFF01...0xFF0F, 0xFF1A...0xFF20, 0xFF3B...0xFF40, 0xFF5B...0xFF65, 0x2010...0x2027, 0xB7:
            return true
        default:
            return false
        }
    }

    /// Whether a plain character (`isPlain`) is kept, is white space, and its lower case.
    static func plainClass(of scalar: Unicode.Scalar) -> (keep: Bool, isWhitespace: Bool, lower: Unicode.Scalar) {
        let value = scalar.value
        if value >= 0x4E00 && value <= 0x9FFF { return (true, false, scalar) }
        if value >= 0x80 { return (false, value == 0x3000, scalar) }
        let lower = value >= 0x41 && value <= 0x5A ? Unicode.Scalar(UInt8(value + 0x20)) : scalar
        let keep = (lower.value >= 0x61 && lower.value <= 0x7A) || (value >= 0x30 && value <= 0x39) || value == 0x5F
        return (keep, value == 0x20 || (value >= 0x09 && value <= 0x0D), lower)
    }

    /// The same from Unicode's properties, for an already lower-cased text.
    static func unicodeClass(of scalar: Unicode.Scalar) -> (keep: Bool, isWhitespace: Bool, lower: Unicode.Scalar) {
        let properties = scalar.properties
        let keep = properties.isAlphabetic || properties.generalCategory == .decimalNumber || scalar == "_"
        return (keep, properties.isWhitespace, scalar)
    }

    /// An anchor for a heading's text, never one given out before in this document.
    mutating func anchor(for text: String) -> String {
        let base = Self.slug(for: text)
        var candidate = base
        var number = 2
        while used.contains(candidate) {
            candidate = "\(base)-\(number)"
            number += 1
        }
        used.insert(candidate)
        return candidate
    }
}

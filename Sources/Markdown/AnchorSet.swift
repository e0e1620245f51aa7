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
        for scalar in text.lowercased().unicodeScalars {
            let properties = scalar.properties
            let keep = properties.isAlphabetic || properties.generalCategory == .decimalNumber || scalar == "_"
            if keep || scalar == "-" {
                if pendingDash && !slug.isEmpty && slug.last != "-" && scalar != "-" {
                    slug.append("-")
                    count += 1
                }
                pendingDash = false
                if scalar == "-" && (slug.isEmpty || slug.last == "-") { continue }
                guard count < maxLength else { break }
                slug.append(scalar)
                count += 1
            } else if properties.isWhitespace {
                pendingDash = true
            }
        }
        while slug.last == "-" { slug.removeLast() }
        return slug.isEmpty ? "section" : String(slug)
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

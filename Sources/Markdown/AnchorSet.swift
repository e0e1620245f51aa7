import Content

/// Hands out heading anchors that are unique within one document: `ce-lue`, `ce-lue-2`, …
struct AnchorSet {
    private var used: Set<String>

    init(reserved: Set<String>) {
        used = reserved
    }

    /// An ASCII anchor for a heading's text (Chinese via pinyin), never one given out before.
    mutating func anchor(for text: String) -> String {
        let base = Slug.make(text, maxLength: 60)
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

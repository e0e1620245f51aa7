import Foundation

/// ASCII slugs for URLs: Chinese becomes pinyin without tones, everything else lower-case words.
public enum Slug {
    /// `关于乡镇培育“新质生产力”的调研报告` → `guan-yu-xiang-zhen-pei-yu-xin-zhi-sheng-chan-li-de-diao-yan-bao-gao`.
    /// Never empty, never longer than `maxLength`, only `[a-z0-9-]`.
    public static func make(_ text: String, maxLength: Int = 80) -> String {
        let latin = text.applyingTransform(StringTransform("Han-Latin; Latin-ASCII"), reverse: false) ?? text
        var slug = ""
        var pendingDash = false
        for scalar in latin.lowercased().unicodeScalars {
            if scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar)) {
                if pendingDash && !slug.isEmpty { slug.append("-") }
                pendingDash = false
                slug.unicodeScalars.append(scalar)
            } else {
                pendingDash = true
            }
        }
        if slug.count > maxLength {
            let cut = slug.prefix(maxLength)
            if let dash = cut.lastIndex(of: "-"), cut.distance(from: cut.startIndex, to: dash) > maxLength / 2 {
                slug = String(cut[..<dash])
            } else {
                slug = String(cut)
            }
        }
        return slug.isEmpty ? "x" : slug
    }

    /// Whether a slug given by a user is safe to use as a single path component.
    public static func isValid(_ slug: String) -> Bool {
        !slug.isEmpty && slug.count <= 200 && slug.unicodeScalars.allSatisfy {
            ($0.isASCII && CharacterSet.alphanumerics.contains($0)) || $0 == "-" || $0 == "_"
        } && !slug.hasPrefix("-")
    }
}

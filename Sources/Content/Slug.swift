import Foundation

/// ASCII slugs for URLs: Chinese becomes pinyin without tones, everything else lower-case words.
public enum Slug {
    /// `关于乡镇培育“新质生产力”的调研报告` → `guan-yu-xiang-zhen-pei-yu-xin-zhi-sheng-chan-li-de-diao-yan-bao-gao`.
    /// Never empty, never longer than `maxLength`, only `[a-z0-9-]`.
    public static func make(_ text: String, maxLength: Int = 80) -> String {
        slug(fromLatin: latin(text), maxLength: maxLength)
    }

    /// `make` for many texts at once: one transliteration of them all, which costs about half
    /// as much as one each (transliteration is the slow part). The same slugs as `make`.
    public static func makeAll(_ texts: [String], maxLength: Int = 80) -> [String] {
        guard texts.count > 1, !texts.contains(where: { $0.contains("\n") }) else {
            return texts.map { make($0, maxLength: maxLength) }
        }
        let lines = latin(texts.joined(separator: "\n")).split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count == texts.count else { return texts.map { make($0, maxLength: maxLength) } }
        return lines.map { slug(fromLatin: String($0), maxLength: maxLength) }
    }

    /// Starts ICU's Han-Latin on another thread, so that its start (about a tenth of a second,
    /// once per process) overlaps other work; transliterations after it are quick.
    public static func warmUp() {
        DispatchQueue.global().async {
            _ = "中".applyingTransform(StringTransform("Han-Latin; Latin-ASCII"), reverse: false)
        }
    }

    private static func latin(_ text: String) -> String {
        if let known = transliterations.value(for: text) { return known }
        let latin = text.applyingTransform(StringTransform("Han-Latin; Latin-ASCII"), reverse: false) ?? text
        transliterations.add(latin, for: text)
        return latin
    }

    /// Transliterations made so far, and those given back from an earlier run: ICU's Han-Latin
    /// takes a tenth of a second to start, which a small rebuild should not pay for the same names.
    private static let transliterations = TransliterationMemo()

    /// Gives back transliterations an earlier run made (`madeTransliterations`).
    public static func remember(transliterations pairs: [String: String]) {
        transliterations.merge(pairs)
    }

    /// The transliterations this run used, and whether it made any new one.
    public static func knownTransliterations() -> (pairs: [String: String], new: Bool) {
        transliterations.snapshot()
    }

    private static func slug(fromLatin latin: String, maxLength: Int) -> String {
        var slug = ""
        var pendingDash = false
        for scalar in latin.lowercased().unicodeScalars {
            if Self.isASCIIAlphanumeric(scalar) {
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
        !slug.isEmpty && slug.utf8.count <= 200 && slug.unicodeScalars.allSatisfy {
            isASCIIAlphanumeric($0) || $0 == "-" || $0 == "_"
        } && !slug.hasPrefix("-")
    }

    private static func isASCIIAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return true
        default: return false
        }
    }
}

/// A lock-guarded dictionary of text → its Latin spelling.
final class TransliterationMemo: @unchecked Sendable {
    private let lock = NSLock()
    private var pairs: [String: String] = [:]
    private var used: Set<String> = []
    private var added = false

    func value(for text: String) -> String? {
        lock.lock()
        defer { lock.unlock() }
        guard let latin = pairs[text] else { return nil }
        used.insert(text)
        return latin
    }

    func add(_ latin: String, for text: String) {
        lock.lock()
        pairs[text] = latin
        used.insert(text)
        added = true
        lock.unlock()
    }

    func merge(_ other: [String: String]) {
        lock.lock()
        pairs.merge(other) { mine, _ in mine }
        lock.unlock()
    }

    /// The pairs used in this run (given back or made), and whether any was made.
    func snapshot() -> (pairs: [String: String], new: Bool) {
        lock.lock()
        defer { lock.unlock() }
        return (pairs.filter { used.contains($0.key) }, added)
    }
}

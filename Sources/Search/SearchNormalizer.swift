/// The normalisation search applies to text and queries alike: each Unicode scalar on its own is
/// put through NFKC (full-width to half-width, compatibility forms) and lower-cased.
///
/// Working scalar by scalar keeps a map from every normalised character back to the original text,
/// so that matches can be highlighted at the right offsets, and it is exactly what the page's
/// JavaScript twin does (`String.fromCodePoint(c).normalize("NFKC").toLowerCase()`).
public struct SearchNormalizer: Sendable {
    public init() {}

    /// Normalised scalars and, for each, the index of the original scalar it came from.
    public struct Text: Sendable, Equatable {
        public var scalars: [Unicode.Scalar]
        public var origins: [Int]
    }

    public func normalize(_ text: String) -> Text {
        var scalars: [Unicode.Scalar] = []
        var origins: [Int] = []
        scalars.reserveCapacity(text.unicodeScalars.count)
        origins.reserveCapacity(text.unicodeScalars.count)
        for (index, scalar) in text.unicodeScalars.enumerated() {
            for mapped in SearchNormalizer.map(scalar) {
                scalars.append(mapped)
                origins.append(index)
            }
        }
        return Text(scalars: scalars, origins: origins)
    }

    /// The normalised form of a string, as a string (for queries and brute-force checks).
    public func normalizedString(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            result.append(contentsOf: SearchNormalizer.map(scalar))
        }
        return String(result)
    }

    // MARK: - One scalar

    static func map(_ scalar: Unicode.Scalar) -> [Unicode.Scalar] {
        let value = scalar.value
        // Fast paths for what policy text is made of: ASCII and unified ideographs map to themselves
        // (ASCII upper case to lower case).
        if value < 0x80 {
            if value >= 0x41 && value <= 0x5A { return [Unicode.Scalar(value + 0x20)!] }
            return [scalar]
        }
        if (0x4E00...0x9FFF).contains(value) || (0x3400...0x4DBF).contains(value) {
            return [scalar]
        }
        if let cached = common[value] { return cached }
        return compute(scalar)
    }

    private static func compute(_ scalar: Unicode.Scalar) -> [Unicode.Scalar] {
        Array(String(scalar).precomposedStringWithCompatibilityMapping.lowercased().unicodeScalars)
    }

    /// For a BMP scalar of `common` that normalises to exactly one scalar, that scalar; 0 for the
    /// others. Indexing looks every punctuation mark of every report up here: a flat table, where
    /// `common` would hash the value and hand back an array.
    static func single(_ value: UInt32) -> UInt32 {
        value < 0x1_0000 ? singles[Int(value)] : 0
    }

    private static let singles: [UInt32] = {
        var table = [UInt32](repeating: 0, count: 0x1_0000)
        for (value, mapped) in common where value < 0x1_0000 && mapped.count == 1 && mapped[0].value != 0 {
            table[Int(value)] = mapped[0].value
        }
        return table
    }()

    /// Punctuation and full-width forms are frequent in Chinese text and slow to normalise one by one.
    private static let common: [UInt32: [Unicode.Scalar]] = {
        var table: [UInt32: [Unicode.Scalar]] = [:]
        for range in [0x80...0x24F, 0x2000...0x206F, 0x3000...0x303F, 0xFF00...0xFFEF] {
            for value in range {
                if let scalar = Unicode.Scalar(UInt32(value)) { table[UInt32(value)] = compute(scalar) }
            }
        }
        return table
    }()
}

extension SearchNormalizer {
    /// Characters that separate words; a query's parts are split on them and no term spans them.
    public static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }

    /// Chinese characters (CJK ideographs, their extensions and compatibility forms, and 〇).
    public static func isHan(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3007, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3134F:
            return true
        default:
            return false
        }
    }

    /// Characters that index terms are made of: Chinese characters, ASCII letters and digits, and
    /// the letters of other alphabets (Latin, Greek, Cyrillic). Punctuation and symbols are not
    /// indexed: a query part made only of them finds nothing.
    public static func isIndexable(_ scalar: Unicode.Scalar) -> Bool {
        isIndexable(scalar.value)
    }

    static func isIndexable(_ value: UInt32) -> Bool {
        switch value {
        case 0x30...0x39, 0x61...0x7A, 0x41...0x5A: return true
        case 0xC0...0x24F: return value != 0xD7 && value != 0xF7
        case 0x370...0x3FF, 0x400...0x4FF: return true
        case 0x3007, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3134F: return true
        default: return false
        }
    }

    static func isHan(_ value: UInt32) -> Bool {
        switch value {
        case 0x3007, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3134F: return true
        default: return false
        }
    }

    static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x30...0x39, 0x61...0x7A: return true
        default: return false
        }
    }
}

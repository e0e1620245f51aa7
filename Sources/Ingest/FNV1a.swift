/// FNV-1a, 64 bits: a fast, stable hash for telling whether bytes changed (not for security).
public enum FNV1a {
    static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01B3

    public static func hash<S: Sequence>(_ bytes: S) -> UInt64 where S.Element == UInt8 {
        // Contiguous bytes (Data, arrays) are read directly, not through a generic iterator.
        if let h = bytes.withContiguousStorageIfAvailable({ add($0, to: offsetBasis) }) { return h }
        var h = offsetBasis
        for b in bytes {
            h ^= UInt64(b)
            h = h &* prime
        }
        return h
    }

    public static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let value = String(hash(bytes), radix: 16)
        return String(repeating: "0", count: 16 - value.count) + value
    }

    /// The hash of the text's UTF-8 with every white-space scalar left out: the same value as
    /// hashing the filtered text, without building it.
    static func hashSkippingWhitespace(_ text: String) -> UInt64 {
        var h = offsetBasis
        for scalar in text.unicodeScalars where !isWhitespace(scalar) {
            UTF8.encode(scalar) { h = (h ^ UInt64($0)) &* prime }
        }
        return h
    }

    /// `scalar.properties.isWhitespace`, answered without the property tables for ASCII and for
    /// everything above U+3000 (the last white-space scalar), which is nearly all Chinese text.
    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x80 { return v == 0x20 || (v >= 0x09 && v <= 0x0D) }
        if v > 0x3000 { return false }
        return scalar.properties.isWhitespace
    }

    private static func add(_ bytes: UnsafeBufferPointer<UInt8>, to start: UInt64) -> UInt64 {
        var h = start
        for b in bytes {
            h ^= UInt64(b)
            h = h &* prime
        }
        return h
    }
}

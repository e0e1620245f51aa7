/// A line's UTF-8 bytes, ASCII lower-cased, for the chrome vocabulary's prefix and suffix checks
/// (`PhraseSet` finds the phrases anywhere in the line).
struct ByteSearch {
    let bytes: [UInt8]

    /// The text's UTF-8 bytes with ASCII letters lower-cased (APP, QQ, VIP, ICP, Tags).
    init(lowercasing text: String) {
        // Copied whole, then lower-cased in place: a byte-by-byte map of the UTF-8 view is slower.
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBufferPointer { buffer in
            for i in buffer.indices where buffer[i] >= 0x41 && buffer[i] <= 0x5A { buffer[i] += 0x20 }
        }
        self.bytes = bytes
    }

    func hasPrefix(_ needle: [UInt8]) -> Bool {
        bytes.starts(with: needle)
    }

    func hasSuffix(_ needle: [UInt8]) -> Bool {
        needle.count <= bytes.count && bytes[(bytes.count - needle.count)...].elementsEqual(needle)
    }

    /// Phrases as lower-case UTF-8, prepared once.
    static func prepare(_ phrases: [String]) -> [[UInt8]] {
        phrases.map { ByteSearch(lowercasing: $0).bytes }
    }
}

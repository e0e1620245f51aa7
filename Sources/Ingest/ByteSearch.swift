#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Substring search over UTF-8 bytes with `memmem`: the chrome vocabulary is checked against
/// every line, and lines can be megabytes long, so this must be fast and linear.
struct ByteSearch {
    let bytes: [UInt8]

    /// The text's UTF-8 bytes with ASCII letters lower-cased (APP, QQ, VIP, ICP, Tags).
    init(lowercasing text: String) {
        bytes = text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
    }

    func contains(_ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, needle.count <= bytes.count else { return needle.isEmpty }
        return bytes.withUnsafeBufferPointer { h in
            needle.withUnsafeBufferPointer { n in
                guard let hBase = h.baseAddress, let nBase = n.baseAddress else { return false }
                let first = Int32(n[0])
                let last = h.count - n.count
                var i = 0
                while i <= last {
                    // memchr finds candidates for the first byte at memory speed.
                    guard let hit = memchr(hBase + i, first, last - i + 1) else { return false }
                    let at = hBase.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    if memcmp(hBase + at, nBase, n.count) == 0 { return true }
                    i = at + 1
                }
                return false
            }
        }
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

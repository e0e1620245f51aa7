@testable import Content
import Testing

/// The hash that tells whether a report's file changed since the last build: any change to the
/// bytes, wherever it is (in the four-lane part of a long input or the tail), changes the hash,
/// and the same bytes give the same hash however they are held.
@Suite struct StableHashTests {
    @Test(arguments: [0, 1, 7, 8, 31, 63, 64, 65, 95, 96, 127, 200, 1_000])
    func everyByteCounts(length: Int) {
        let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        let original = StableHash.of(bytes)
        var seen: Set<UInt64> = [original]
        for position in 0..<length {
            var changed = bytes
            changed[position] ^= 0x01
            seen.insert(StableHash.of(changed))
        }
        #expect(seen.count == length + 1, "a one-bit change somewhere left the hash as it was")
        // Longer by a zero byte is another input.
        #expect(StableHash.of(bytes + [0]) != original)
        // The same bytes as an array slice, or through a String's UTF-8.
        #expect(StableHash.of(([0xFF] + bytes)[1...]) == original)
    }

    @Test func textsAreHashedWithTheirLengths() {
        var c = StableHash()
        c.combine("ab")
        c.combine("c")
        var d = StableHash()
        d.combine("a")
        d.combine("bc")
        #expect(c.value != d.value)
    }
}

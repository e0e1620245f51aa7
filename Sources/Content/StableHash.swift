/// A 64-bit hash that is the same in every run and on every machine (Swift's `Hasher` is seeded
/// per process), for telling whether a file or a value changed since the last build. Eight bytes
/// at a time (four lanes of them in long inputs), so hashing every report of a large site costs
/// little next to reading it.
public struct StableHash: Sendable {
    public private(set) var value: UInt64 = 0x9E37_79B9_7F4A_7C15

    public init() {}

    public static func of<Bytes: Collection>(_ bytes: Bytes) -> UInt64 where Bytes.Element == UInt8 {
        var hash = StableHash()
        hash.combine(bytes: bytes)
        return hash.value
    }

    public mutating func combine(_ word: UInt64) {
        value = Self.mix(value ^ word) &+ 0x2545_F491_4F6C_DD1D
    }

    public mutating func combine(_ number: Int) {
        combine(UInt64(bitPattern: Int64(number)))
    }

    /// The text's UTF-8 bytes, with their length, so that ("ab", "c") and ("a", "bc") differ.
    public mutating func combine(_ text: String) {
        var text = text
        text.withUTF8 { combine(bytes: $0) }
    }

    public mutating func combine(_ flag: Bool) {
        combine(flag ? 1 : 0)
    }

    public mutating func combine<Bytes: Collection>(bytes: Bytes) where Bytes.Element == UInt8 {
        let done = bytes.withContiguousStorageIfAvailable { buffer -> Bool in
            combine(buffer: UnsafeRawBufferPointer(buffer))
            return true
        }
        if done == nil { combine(buffer: Array(bytes)) }
    }

    private mutating func combine(buffer bytes: [UInt8]) {
        bytes.withUnsafeBytes { combine(buffer: $0) }
    }

    private mutating func combine(buffer: UnsafeRawBufferPointer) {
        let count = buffer.count
        var offset = 0
        var state = value ^ (UInt64(count) &* 0xFF51_AFD7_ED55_8CCD)
        if count >= 64 {
            // Four lanes, 32 bytes a round: each lane's mixing waits on its previous word only,
            // so the core works on four at once (a report's file is hashed on every build).
            var lanes = (state, state ^ 0x6A09_E667_F3BC_C908, state ^ 0xBB67_AE85_84CA_A73B, state ^ 0x3C6E_F372_FE94_F82B)
            while offset + 32 <= count {
                lanes.0 = Self.mix(lanes.0 ^ buffer.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0x9E37_79B9_7F4A_7C15
                lanes.1 = Self.mix(lanes.1 ^ buffer.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self)) &* 0x9E37_79B9_7F4A_7C15
                lanes.2 = Self.mix(lanes.2 ^ buffer.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self)) &* 0x9E37_79B9_7F4A_7C15
                lanes.3 = Self.mix(lanes.3 ^ buffer.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self)) &* 0x9E37_79B9_7F4A_7C15
                offset += 32
            }
            state = Self.mix(Self.mix(Self.mix(lanes.0 ^ lanes.1) ^ lanes.2) ^ lanes.3)
        }
        while offset + 8 <= count {
            let word = buffer.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            state = Self.mix(state ^ word) &* 0x9E37_79B9_7F4A_7C15
            offset += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while offset < count {
            tail |= UInt64(buffer[offset]) << shift
            shift += 8
            offset += 1
        }
        value = Self.mix(state ^ tail ^ (UInt64(count) << 56))
    }

    /// The finaliser of SplitMix64: every input bit reaches every output bit.
    private static func mix(_ input: UInt64) -> UInt64 {
        var z = input
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

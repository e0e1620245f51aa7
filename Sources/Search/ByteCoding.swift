/// LEB128 variable-length integers, the unit of every postings list.
struct ByteWriter {
    var bytes: [UInt8] = []

    mutating func varint(_ value: Int) {
        var v = UInt64(max(0, value))
        while v >= 0x80 {
            bytes.append(UInt8(v & 0x7F) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    mutating func byte(_ value: UInt8) {
        bytes.append(value)
    }
}

struct ByteReader {
    let bytes: [UInt8]
    var offset = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    var atEnd: Bool { offset >= bytes.count }

    mutating func varint() -> Int? {
        Self.varint(in: bytes, at: &offset)
    }

    /// The varint at `offset` in any buffer of bytes (an array, or the index writer's own
    /// buffers), moving `offset` past it; nil when the bytes end first.
    static func varint<Bytes: RandomAccessCollection>(in bytes: Bytes, at offset: inout Int) -> Int?
        where Bytes.Element == UInt8, Bytes.Index == Int
    {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while offset < bytes.endIndex, shift < 63 {
            let byte = bytes[offset]
            offset += 1
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return Int(result) }
            shift += 7
        }
        return nil
    }

    mutating func byte() -> UInt8? {
        guard offset < bytes.count else { return nil }
        defer { offset += 1 }
        return bytes[offset]
    }
}

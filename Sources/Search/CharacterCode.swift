/// Compresses report texts for the search index with a static, canonical Huffman code over
/// Unicode scalars (`CharacterCodeTable`, made by scripts/search/character-table.py).
///
/// A Chinese character takes three bytes in UTF-8 and about ten bits here. The table is the same
/// for every site, so a report's compressed text depends on nothing but that report. A scalar the
/// table lacks is written as the escape symbol (U+0000) followed by its value in 21 bits.
/// The page decodes with the same table, which the build writes to `search/codes.js`.
struct CharacterCode: Sendable {
    static let shared = CharacterCode()
    static let escapeBits = 21

    /// Symbols in canonical order and how many have each code length (from 1).
    let symbols: [Unicode.Scalar]
    let lengthCounts: [Int]
    /// code << 8 | length for every BMP scalar in the table; 0 when it is not.
    private let bmp: [UInt32]
    private let astral: [UInt32: UInt32]
    private let escape: UInt32
    // Canonical decoding: for each length, the first code and the index of its first symbol.
    private let firstCode: [Int]
    private let firstIndex: [Int]

    init(symbols: [Unicode.Scalar] = CharacterCodeTable.symbols.flatMap { Array($0.unicodeScalars) },
         lengthCounts: [Int] = CharacterCodeTable.lengthCounts) {
        self.symbols = symbols
        self.lengthCounts = lengthCounts
        var bmp = [UInt32](repeating: 0, count: 0x1_0000)
        var astral: [UInt32: UInt32] = [:]
        var firstCode = [Int](repeating: 0, count: lengthCounts.count + 1)
        var firstIndex = [Int](repeating: 0, count: lengthCounts.count + 1)
        var code = 0
        var index = 0
        var escape: UInt32 = 0
        for length in 1...max(1, lengthCounts.count) where length <= lengthCounts.count {
            firstCode[length] = code
            firstIndex[length] = index
            for _ in 0..<lengthCounts[length - 1] {
                let entry = UInt32(code) << 8 | UInt32(length)
                let value = symbols[index].value
                if value == 0 { escape = entry } else if value < 0x1_0000 { bmp[Int(value)] = entry } else { astral[value] = entry }
                code += 1
                index += 1
            }
            code <<= 1
        }
        self.bmp = bmp
        self.astral = astral
        self.escape = escape
        self.firstCode = firstCode
        self.firstIndex = firstIndex
    }

    func encode<Scalars: Sequence>(_ scalars: Scalars, into writer: inout BitWriter) where Scalars.Element == Unicode.Scalar {
        encode(values: scalars.lazy.map(\.value), into: &writer)
    }

    /// The same for code point values.
    func encode<Values: Sequence>(values: Values, into writer: inout BitWriter) where Values.Element == UInt32 {
        for value in values {
            let entry = value < 0x1_0000 ? bmp[Int(value)] : astral[value] ?? 0
            if entry != 0 {
                writer.write(entry >> 8, bits: Int(entry & 0xFF))
            } else {
                writer.write(escape >> 8, bits: Int(escape & 0xFF))
                writer.write(value, bits: Self.escapeBits)
            }
        }
    }

    func encode(_ text: String) -> [UInt8] {
        var writer = BitWriter(capacity: text.utf8.count / 2)
        encode(text.unicodeScalars, into: &writer)
        return writer.finish()
    }

    /// The first `count` scalars coded in `bytes`; nil when the bits run out or are not a code.
    func decode(_ bytes: [UInt8], count: Int) -> String? {
        var reader = BitReader(bytes)
        var result = String.UnicodeScalarView()
        result.reserveCapacity(count)
        for _ in 0..<count {
            var code = 0
            var length = 0
            var symbol: Unicode.Scalar? = nil
            while symbol == nil {
                guard let bit = reader.bit() else { return nil }
                code = code << 1 | Int(bit)
                length += 1
                guard length <= lengthCounts.count else { return nil }
                let offset = code - firstCode[length]
                if offset >= 0 && offset < lengthCounts[length - 1] { symbol = symbols[firstIndex[length] + offset] }
            }
            if symbol!.value == 0 {
                guard let value = reader.read(bits: Self.escapeBits), let scalar = Unicode.Scalar(UInt32(value)) else { return nil }
                symbol = scalar
            }
            result.append(symbol!)
        }
        return String(result)
    }
}

/// Normalised text as code point values, with the original scalar index of each.
struct NormalizedValues {
    var values: [UInt32] = []
    var origins: [Int32] = []

    init(_ text: String) {
        values.reserveCapacity(text.utf8.count / 2)
        origins.reserveCapacity(text.utf8.count / 2)
        var index: Int32 = 0
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                values.append(value >= 0x41 && value <= 0x5A ? value + 0x20 : value)
                origins.append(index)
            } else if (0x4E00...0x9FFF).contains(value) {
                values.append(value)
                origins.append(index)
            } else {
                for mapped in SearchNormalizer.map(scalar) {
                    values.append(mapped.value)
                    origins.append(index)
                }
            }
            index += 1
        }
    }
}

extension NormalizedValues {
    /// The normalised values alone (no origins), for indexing.
    static func values(of text: String) -> [UInt32] {
        var values: [UInt32] = []
        append(text, to: &values)
        return values
    }

    static func append(_ text: String, to values: inout [UInt32]) {
        append(scalars: scalarValues(of: text), to: &values)
    }

    /// Appends the normalised form of `scalars` (code point values).
    static func append(scalars: [UInt32], to values: inout [UInt32]) {
        values.reserveCapacity(values.count + scalars.count)
        for value in scalars {
            if value < 0x80 {
                values.append(value >= 0x41 && value <= 0x5A ? value + 0x20 : value)
            } else if value &- 0x4E00 < 0x5200 {
                values.append(value)
            } else {
                let single = SearchNormalizer.single(value)
                if single != 0 {
                    values.append(single)
                } else {
                    for mapped in SearchNormalizer.map(Unicode.Scalar(value)!) { values.append(mapped.value) }
                }
            }
        }
    }

    /// The code points of `text`, decoded from its UTF-8 in one pass (a string's UTF-8 is valid).
    static func scalarValues(of text: String) -> [UInt32] {
        var text = text
        return text.withUTF8 { utf8 in
            [UInt32](unsafeUninitializedCapacity: utf8.count) { buffer, count in
                let end = utf8.count
                var index = 0
                while index < end {
                    let lead = UInt32(utf8[index])
                    if lead < 0x80 {
                        buffer[count] = lead
                        index += 1
                    } else if lead < 0xE0 {
                        buffer[count] = (lead & 0x1F) << 6 | UInt32(utf8[index + 1] & 0x3F)
                        index += 2
                    } else if lead < 0xF0 {
                        buffer[count] = (lead & 0x0F) << 12 | UInt32(utf8[index + 1] & 0x3F) << 6
                            | UInt32(utf8[index + 2] & 0x3F)
                        index += 3
                    } else {
                        buffer[count] = (lead & 0x07) << 18 | UInt32(utf8[index + 1] & 0x3F) << 12
                            | UInt32(utf8[index + 2] & 0x3F) << 6 | UInt32(utf8[index + 3] & 0x3F)
                        index += 4
                    }
                    count += 1
                }
            }
        }
    }
}

/// The index writer's fast path through the tokenizer's rules (`SearchTokenizer`), on integers.
enum TermScanner {
    /// Bigram keys set bit 42 above the two code points; unigram keys are the code point itself.
    static func bigramKey(_ a: UInt32, _ b: UInt32) -> UInt64 {
        1 << 42 | UInt64(a) << 21 | UInt64(b)
    }

    static func string(of key: UInt64) -> String {
        var view = String.UnicodeScalarView()
        view.append(Unicode.Scalar(UInt32((key >> 21) & 0x1F_FFFF))!)
        view.append(Unicode.Scalar(UInt32(key & 0x1F_FFFF))!)
        return String(view)
    }

    /// Calls `term` for every bigram and unigram (key, position) and `word` for every word, in
    /// text order: at each position its unigram first, then the bigram starting there.
    static func scan(
        _ values: [UInt32],
        term: (UInt64, Int) -> Void,
        word: (String, Int) -> Void
    ) {
        withoutActuallyEscaping(term) { term in
            withoutActuallyEscaping(word) { word in
                var sink = ClosureSink(term: term, word: word)
                scan(values, into: &sink)
            }
        }
    }

    /// The same scan into a sink: specialised for each sink type, so that the index writer's
    /// counting is inlined into the loop (a closure call per term cost more than the term).
    static func scan<Sink: TermSink>(_ values: [UInt32], into sink: inout Sink) {
        values.withUnsafeBufferPointer { values in
            let count = values.count
            guard count > 0 else { return }
            var wordStart = -1
            // Each value is classified once: as the bigram's second value, then as its first.
            var value = values[0]
            var indexable = isIndexable(value)
            var index = 0
            while index < count {
                let nextIndex = index + 1
                let next: UInt32 = nextIndex < count ? values[nextIndex] : 0
                let nextIndexable = nextIndex < count && isIndexable(next)
                if indexable {
                    if isHan(value) { sink.term(UInt64(value), at: index) }
                    if nextIndexable { sink.term(bigramKey(value, next), at: index) }
                }
                let isWord = value &- 0x30 < 10 || value &- 0x61 < 26
                if isWord {
                    if wordStart < 0 { wordStart = index }
                } else if wordStart >= 0 {
                    sink.word(asciiString(values[wordStart..<index]), at: wordStart)
                    wordStart = -1
                }
                value = next
                indexable = nextIndexable
                index = nextIndex
            }
            if wordStart >= 0 { sink.word(asciiString(values[wordStart..<count]), at: wordStart) }
        }
    }

    /// `SearchNormalizer.isHan`, likewise.
    @inline(__always)
    private static func isHan(_ value: UInt32) -> Bool {
        value &- 0x4E00 < 0x5200 || SearchNormalizer.isHan(value)
    }

    /// `SearchNormalizer.isIndexable` with the common case, a CJK unified ideograph, tested first.
    @inline(__always)
    private static func isIndexable(_ value: UInt32) -> Bool {
        value &- 0x4E00 < 0x5200 || SearchNormalizer.isIndexable(value)
    }

    /// The index's name for a key: its one or two characters.
    static func name(of key: UInt64) -> String {
        key >> 42 == 0 ? String(Unicode.Scalar(UInt32(key))!) : string(of: key)
    }

    private static func asciiString(_ values: Slice<UnsafeBufferPointer<UInt32>>) -> String {
        String(unsafeUninitializedCapacity: values.count) { bytes in
            for (offset, value) in values.enumerated() { bytes[offset] = UInt8(truncatingIfNeeded: value) }
            return values.count
        }
    }
}

/// What `TermScanner.scan` reports each term and word to.
protocol TermSink {
    mutating func term(_ key: UInt64, at position: Int)
    mutating func word(_ word: String, at position: Int)
}

private struct ClosureSink: TermSink {
    let term: (UInt64, Int) -> Void
    let word: (String, Int) -> Void

    func term(_ key: UInt64, at position: Int) { term(key, position) }
    func word(_ word: String, at position: Int) { self.word(word, position) }
}

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
        values.reserveCapacity(values.count + text.utf8.count / 2)
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                values.append(value >= 0x41 && value <= 0x5A ? value + 0x20 : value)
            } else if (0x4E00...0x9FFF).contains(value) {
                values.append(value)
            } else {
                for mapped in SearchNormalizer.map(scalar) { values.append(mapped.value) }
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
            var wordStart = -1
            let count = values.count
            var index = 0
            while index < count {
                let value = values[index]
                if SearchNormalizer.isIndexable(value) {
                    if SearchNormalizer.isHan(value) { sink.term(UInt64(value), at: index) }
                    if index + 1 < count, SearchNormalizer.isIndexable(values[index + 1]) {
                        sink.term(bigramKey(value, values[index + 1]), at: index)
                    }
                }
                let isWord = (0x30...0x39).contains(value) || (0x61...0x7A).contains(value)
                if isWord {
                    if wordStart < 0 { wordStart = index }
                } else if wordStart >= 0 {
                    sink.word(asciiString(values[wordStart..<index]), at: wordStart)
                    wordStart = -1
                }
                index += 1
            }
            if wordStart >= 0 { sink.word(asciiString(values[wordStart..<count]), at: wordStart) }
        }
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
